import { defineLesson } from "@/lib/lessons/define";
import { quizApi } from "@/lib/quizzes/contract";
import { checks } from "./checks";
import { quizzes } from "./quizzes";

export default defineLesson({
  slug: "github-workflow",
  title: "GitHub workflow: branches, pull requests, issues",
  summary:
    "One change from issue to merge: a branch, conventional commits, a pull request with CI checks on a protected main, review comments resolved, and the merge.",
  objectives: [
    "Take a change from an issue through a branch and a pull request to main",
    "Explain what branch protection and required status checks enforce",
    "Write commit messages in the Conventional Commits form, and know what they mean for versions",
    "Address review comments by pushing to the same branch, and pick a merge method",
  ],
  minutes: 35,
  api: quizApi,
  checks,
  quizzes,
});
