import { defineLesson } from "@/lib/lessons/define";
import { quizApi } from "@/lib/quizzes/contract";
import { checks } from "./checks";
import { quizzes } from "./quizzes";

export default defineLesson({
  slug: "command-line-and-git",
  title: "The command line and Git",
  summary:
    "The shell backend developers live in (files, pipes, exit codes, environment variables, curl) and Git: commits, branches, a merge conflict and a rebase.",
  objectives: [
    "Move around the file system and create, copy, move and delete files from a shell",
    "Chain commands with pipes, redirect output and errors to files, and act on exit codes",
    "Set and export environment variables, and call an HTTP API with curl",
    "Record work in Git with add and commit, and work on a branch",
    "Merge a branch, resolve a merge conflict, and rebase a branch onto main",
  ],
  minutes: 50,
  api: quizApi,
  checks,
  quizzes,
});
