import type { Exercise, ExerciseInfo } from "@/lib/language-fundamentals/types";
import { asyncAwait, httpHandler } from "./exercises/async-http";
import { collections, functions, loops, types } from "./exercises/basics";
import { classes, errors, json } from "./exercises/objects";

/** The lesson's code exercises, in the order the page has them. */
export const exercises: readonly Exercise[] = [
  types,
  loops,
  functions,
  collections,
  classes,
  errors,
  json,
  asyncAwait,
  httpHandler,
];

export const EXERCISE_IDS = exercises.map((e) => e.id);

export function findExercise(id: string): Exercise | undefined {
  return exercises.find((e) => e.id === id);
}

/** What the page shows of an exercise: never the solution. */
export function exerciseInfo(id: string): ExerciseInfo | undefined {
  const exercise = findExercise(id);
  if (!exercise) return undefined;
  const { title, prompt, starter, tests } = exercise;
  return { id, title, prompt, starter, testNames: tests.map((test) => test.name) };
}
