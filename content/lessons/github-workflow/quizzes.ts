import { defineQuiz } from "@/lib/quizzes/define";

/** The lesson's knowledge checks; its page shows them, the server grades them. */

export const pullRequests = defineQuiz({
  id: "github-pull-requests",
  title: "Pull requests",
  questions: [
    {
      id: "what",
      kind: "single",
      prompt: "What is a pull request?",
      explanation:
        "A pull request is a proposal, on GitHub, to merge one branch into another, with a place to discuss and review the change and to see its checks.",
      options: [
        {
          id: "proposal",
          text: "A request to merge your branch into another, usually `main`",
          correct: true,
          explanation:
            "With its diff, review and checks on one page. Nothing reaches `main` until someone merges it.",
        },
        {
          id: "pull",
          text: "The same as running `git pull`",
          explanation:
            "`git pull` fetches and merges into your local branch. A pull request lives on GitHub and asks others to merge.",
        },
        {
          id: "issue",
          text: "A bug report",
          explanation:
            "That is an issue. A pull request can close an issue (`Closes #12` in its description).",
        },
        {
          id: "fork",
          text: "A copy of someone else's repository",
          explanation:
            "That is a fork. You can open a pull request from a fork, or from a branch of the same repository.",
        },
      ],
    },
    {
      id: "order",
      kind: "single",
      prompt: "In which order does a change usually travel?",
      explanation:
        "Work happens on a branch; pushing it lets you open a pull request; checks and reviewers look at it; it is merged when they agree.",
      options: [
        {
          id: "flow",
          text: "Branch, commit, push, pull request, review, merge",
          correct: true,
          explanation: "And then delete the branch and pull `main`.",
        },
        {
          id: "main-first",
          text: "Commit on `main`, push, pull request",
          explanation:
            "A pull request needs a branch that differs from its base; on a protected `main` the push is refused anyway.",
        },
        {
          id: "merge-first",
          text: "Branch, merge into `main`, pull request",
          explanation: "Review comes before the merge: that is the point of it.",
        },
        {
          id: "review-first",
          text: "Pull request, branch, commit",
          explanation: "A pull request is opened from a branch that already has commits.",
        },
      ],
    },
  ],
});

export const protectedBranches = defineQuiz({
  id: "github-protected-branches",
  title: "Protected branches and CI checks",
  questions: [
    {
      id: "push-main",
      kind: "single",
      prompt:
        "`main` is protected with “Require a pull request before merging”. You run `git push origin main` with a new commit. What happens?",
      explanation:
        "Branch protection is enforced by GitHub on the server: the push is rejected (`protected branch hook declined`), and the change has to come through a pull request.",
      options: [
        {
          id: "rejected",
          text: "GitHub rejects the push; the commit has to reach `main` through a pull request",
          correct: true,
          explanation: "Push it on a branch instead and open a pull request.",
        },
        {
          id: "accepted",
          text: "The push works, and GitHub opens a pull request for it",
          explanation: "GitHub never turns a push to `main` into a pull request.",
        },
        {
          id: "local",
          text: "Git refuses before sending anything",
          explanation: "Your local Git does not know about GitHub's rules; the server decides.",
        },
        {
          id: "warning",
          text: "It works with a warning",
          explanation: "Only people allowed to bypass the rule (often admins) see that.",
        },
      ],
    },
    {
      id: "required-check",
      kind: "multiple",
      prompt:
        "The workflow `ci / test` is a required status check and fails on your pull request. Which are true?",
      explanation:
        "A required check must pass on the pull request's latest commit before GitHub lets it be merged. Fixing the code and pushing again reruns the workflow.",
      options: [
        {
          id: "blocked",
          text: "The pull request cannot be merged until the check passes",
          correct: true,
          explanation:
            "The merge button stays disabled (for everyone not allowed to bypass the rule).",
        },
        {
          id: "push-fix",
          text: "Pushing a fix to the same branch runs the checks again on the new commit",
          correct: true,
          explanation:
            "The pull request follows its branch: every push updates it and starts its `pull_request` workflows.",
        },
        {
          id: "new-pr",
          text: "You must close it and open a new pull request",
          explanation: "Never needed: push to the same branch.",
        },
        {
          id: "approve",
          text: "An approving review overrides the failed check",
          explanation: "Reviews and checks are separate requirements; both must be met.",
        },
      ],
    },
  ],
});

export const conventionalCommits = defineQuiz({
  id: "github-conventional-commits",
  title: "Conventional commit messages",
  questions: [
    {
      id: "valid",
      kind: "multiple",
      prompt: "Which of these messages follow Conventional Commits 1.0.0?",
      explanation:
        "The form is `type(optional scope)!: description`: a type such as `feat` or `fix`, an optional scope in parentheses, an optional `!` for a breaking change, a colon and a space, then the description.",
      options: [
        {
          id: "feat-scope",
          text: "`feat(todos): add due dates`",
          correct: true,
          explanation: "Type `feat`, scope `todos`, description.",
        },
        {
          id: "fix",
          text: "`fix: answer 404 for a missing todo`",
          correct: true,
          explanation: "The scope is optional.",
        },
        {
          id: "breaking",
          text: "`feat!: remove the v1 list endpoint`",
          correct: true,
          explanation: "`!` before the colon marks a breaking change.",
        },
        {
          id: "no-type",
          text: "`Fixed stuff`",
          explanation: "No type and no colon; it also says nothing about what changed.",
        },
        {
          id: "dash",
          text: "`docs - update the README`",
          explanation:
            "The type must be followed by a colon and a space: `docs: update the README`.",
        },
      ],
    },
    {
      id: "semver",
      kind: "single",
      prompt:
        "With semantic versioning at 1.4.2, which release does a `fix:` commit lead to, and which a `feat!:` one?",
      explanation:
        "Conventional Commits maps onto SemVer: `fix` is a patch, `feat` a minor version, and a breaking change (`!` or a `BREAKING CHANGE:` footer) a major version.",
      options: [
        {
          id: "patch-major",
          text: "1.4.3 and 2.0.0",
          correct: true,
          explanation: "A fix bumps the patch; a breaking change bumps the major version.",
        },
        {
          id: "minor-major",
          text: "1.5.0 and 2.0.0",
          explanation: "1.5.0 is what a plain `feat:` leads to.",
        },
        {
          id: "patch-minor",
          text: "1.4.3 and 1.5.0",
          explanation: "The `!` makes it breaking: a major release.",
        },
        {
          id: "none",
          text: "Commit messages have nothing to do with versions",
          explanation:
            "Tools such as semantic-release and release-please pick the next version from them.",
        },
      ],
    },
  ],
});

export const reviews = defineQuiz({
  id: "github-reviews",
  title: "Reviews and merging",
  questions: [
    {
      id: "comment",
      kind: "single",
      prompt:
        "A reviewer comments “this should be a 422, not a 400” on a line of your pull request. How do you address it?",
      explanation:
        "Change the code on your branch and push: the pull request shows the new commit. Reply to the comment (saying what you did or why not), and resolve the conversation once it is settled.",
      options: [
        {
          id: "push",
          text: "Fix it on the same branch, push, reply on the comment and resolve the conversation",
          correct: true,
          explanation: "The reviewer sees the new commit in the pull request and can re-review.",
        },
        {
          id: "new-pr",
          text: "Open a second pull request with the fix",
          explanation:
            "The first one would still hold the unfixed code; one change, one pull request.",
        },
        {
          id: "resolve",
          text: "Resolve the conversation without changing anything",
          explanation:
            "That hides the comment without answering it. If you disagree, reply with why.",
        },
        {
          id: "main",
          text: "Commit the fix directly to `main`",
          explanation:
            "Then `main` gets it without review, and the pull request still has the old code.",
        },
      ],
    },
    {
      id: "squash",
      kind: "single",
      prompt: "Your pull request has five commits. What does “Squash and merge” put on `main`?",
      explanation:
        "GitHub offers three ways to merge: a merge commit (keeps every commit plus a merge commit), squash (one commit), and rebase (every commit replayed, no merge commit).",
      options: [
        {
          id: "one",
          text: "One new commit with all five changes, whose message you can edit",
          correct: true,
          explanation: "A good place for a conventional commit message for the whole change.",
        },
        {
          id: "five-plus-merge",
          text: "The five commits and a merge commit",
          explanation: "That is “Create a merge commit”.",
        },
        {
          id: "five",
          text: "The five commits, replayed on `main` without a merge commit",
          explanation: "That is “Rebase and merge”.",
        },
        {
          id: "nothing",
          text: "Nothing until you run `git squash` locally",
          explanation:
            "There is no `git squash` command; GitHub does the squash when you press the button.",
        },
      ],
    },
  ],
});

/** Every quiz of the lesson, in page order. */
export const quizzes = [pullRequests, protectedBranches, conventionalCommits, reviews];
