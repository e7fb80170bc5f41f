import { exercisesApi } from "@/lib/language-fundamentals/contract";
import { defineLesson } from "@/lib/lessons/define";
import { quizApi } from "@/lib/quizzes/contract";
import { checks } from "./checks";
import { quizzes } from "./quizzes";

export default defineLesson({
  slug: "language-fundamentals",
  title: "Language fundamentals in TypeScript",
  summary:
    "The TypeScript a backend developer uses every day: types, loops, functions, collections, classes, async/await, errors and JSON, ending with a tiny HTTP handler. Each topic comes with a code exercise whose tests run in your browser.",
  objectives: [
    "Describe data with types: object types, optional fields, unions and literal types",
    "Loop with for, for…of and array methods, and choose between them",
    "Write functions that take and return functions, and use closures to keep state",
    "Model something with a class: a constructor, private fields, getters and methods",
    "Run independent async work at once with Promise.all, and handle a rejection",
    "Throw your own error classes and turn failures into results",
    "Read untrusted JSON safely: parse, then check its shape before using it",
    "Write an HTTP handler as a plain function from a request to a response",
  ],
  minutes: 60,
  api: [...exercisesApi, ...quizApi],
  checks,
  quizzes,
});
