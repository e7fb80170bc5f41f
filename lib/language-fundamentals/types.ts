/**
 * Code exercises: the learner edits TypeScript in the page, presses Run, and the exercise's tests
 * run in their browser (a Web Worker, no network, stopped after a time limit). The tests are ours,
 * written here as functions; they reach the learner's code through its exports.
 */

/** What a test gets: the learner's exports, looked up by name, and a few assertions. */
export type Tools = {
  /** The exported function `name`; fails the test, saying what to export, when there is none. */
  fn(name: string): (...args: unknown[]) => unknown;
  /** The exported class `name`. */
  cls(name: string): new (...args: unknown[]) => Record<string, unknown>;
  /** Deep equality (objects, arrays, primitives); `label` says what was compared. */
  equal(actual: unknown, expected: unknown, label?: string): void;
  ok(condition: unknown, message: string): void;
  /** Calls `run` and expects it to throw; returns the error for more checks. */
  throws(run: () => unknown, label: string): unknown;
  /** Awaits `promise` and expects it to reject; returns the reason. */
  rejects(promise: unknown, label: string): Promise<unknown>;
};

export type ExerciseTest = { name: string; run: (t: Tools) => void | Promise<void> };

export type Exercise = {
  /** Kebab-case; the results endpoint's `{exerciseId}` and the check's id. */
  id: string;
  title: string;
  /** One or two sentences: what to write. */
  prompt: string;
  /** The code the editor starts with: it compiles, and fails the tests. */
  starter: string;
  tests: readonly ExerciseTest[];
};

export type TestOutcome = { name: string; passed: boolean; message: string };

export type LogLine = { level: "log" | "info" | "warn" | "error"; text: string };

/** What one Run ends with, as the results panel shows it. */
export type RunResult =
  | { kind: "tested"; tests: TestOutcome[]; logs: LogLine[] }
  /** The code did not compile, or threw while loading (before any test). */
  | { kind: "error"; message: string; logs: LogLine[] }
  /** Still running at the time limit: the worker was stopped. */
  | { kind: "timeout"; seconds: number; logs: LogLine[] };

/** Exercise metadata the page may show: no solution, no tests' code. */
export type ExerciseInfo = Pick<Exercise, "id" | "title" | "prompt" | "starter"> & {
  testNames: string[];
};
