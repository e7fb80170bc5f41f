import ts from "typescript";
import { describe, expect, it } from "vitest";
import { exercises } from "@/content/lessons/language-fundamentals/exercises";
import { solutions } from "@/content/lessons/language-fundamentals/solutions";
import { compileExercise } from "@/lib/language-fundamentals/compile";
import { exerciseParams, exerciseResultBody } from "@/lib/language-fundamentals/contract";
import { runExercise } from "@/lib/language-fundamentals/runner";
import type { RunResult } from "@/lib/language-fundamentals/types";

/** Compiles and runs `source` the way the browser's workers do, minus the worker. */
async function run(id: string, source: string): Promise<RunResult> {
  const exercise = exercises.find((e) => e.id === id);
  if (!exercise) throw new Error(`no exercise ${id}`);
  const compiled = compileExercise(ts, source);
  if (!compiled.ok) throw new Error(compiled.errors.join("\n"));
  return runExercise(exercise, compiled.js);
}

describe("language-fundamentals exercises", () => {
  it("has at least eight, with unique ids and a solution each", () => {
    expect(exercises.length).toBeGreaterThanOrEqual(8);
    expect(new Set(exercises.map((e) => e.id)).size).toBe(exercises.length);
    expect(Object.keys(solutions).sort()).toEqual(exercises.map((e) => e.id).sort());
  });

  it("fits what the results endpoint accepts: a valid id, named tests within its limits", () => {
    for (const exercise of exercises) {
      expect(exerciseParams.safeParse({ exerciseId: exercise.id }).success, exercise.id).toBe(true);
      const tests = exercise.tests.map(({ name }) => ({ name, passed: true, message: "Passed" }));
      expect(exerciseResultBody.safeParse({ passed: true, tests }).success, exercise.id).toBe(true);
      expect(new Set(tests.map((t) => t.name)).size, exercise.id).toBe(tests.length);
    }
  });

  for (const exercise of exercises) {
    it(`${exercise.id}: our solution passes every test`, async () => {
      const result = await run(exercise.id, solutions[exercise.id] ?? "");
      expect(result).toMatchObject({ kind: "tested" });
      if (result.kind !== "tested") return;
      expect(result.tests.filter((test) => !test.passed)).toEqual([]);
      expect(result.tests.map((test) => test.name)).toEqual(
        exercise.tests.map((test) => test.name),
      );
    });

    it(`${exercise.id}: the starter compiles and fails a test, saying why`, async () => {
      const result = await run(exercise.id, exercise.starter);
      expect(result.kind).toBe("tested");
      if (result.kind !== "tested") return;
      const failed = result.tests.filter((test) => !test.passed);
      expect(failed.length).toBeGreaterThan(0);
      for (const test of failed) expect(test.message).not.toBe("");
    });
  }
});

describe("the exercise runner", () => {
  it("names the expected and actual values of a failing test", async () => {
    const result = await run(
      "types",
      "export const describeUser = (u: { name: string }) => u.name;",
    );
    expect(result.kind === "tested" && result.tests[0]).toEqual({
      name: "describes a user without an email",
      passed: false,
      message: 'Expected "Ada (36)", got "Ada".',
    });
  });

  it("says which export is missing", async () => {
    const result = await run("loops", "export const fizz = 1;");
    expect(result.kind === "tested" && result.tests[0]?.message).toBe(
      "Export a function named fizzBuzz (found undefined).",
    );
  });

  it("captures console output", async () => {
    const result = await run(
      "loops",
      'console.log("loading", { n: 1 }); console.warn("careful"); export function fizzBuzz() { return []; }',
    );
    expect(result.logs).toEqual([
      { level: "log", text: 'loading {"n":1}' },
      { level: "warn", text: "careful" },
    ]);
  });

  it("hands each console line to a listener as it is written", async () => {
    const heard: string[] = [];
    const compiled = compileExercise(ts, 'console.log("one"); console.error("two");');
    if (!compiled.ok) throw new Error("does not compile");
    await runExercise({ tests: [] }, compiled.js, (line) =>
      heard.push(`${line.level}:${line.text}`),
    );
    expect(heard).toEqual(["log:one", "error:two"]);
  });

  it("reports code that throws while loading", async () => {
    const result = await run("loops", 'throw new TypeError("broken");');
    expect(result).toMatchObject({
      kind: "error",
      message: "Your code threw while loading: TypeError: broken",
    });
  });

  it("fails a test whose promise never settles, after its own time limit", async () => {
    const result = await run(
      "async-await",
      "export function loadProfiles() { return new Promise(() => {}); }",
    );
    expect(result.kind === "tested" && result.tests[0]?.message).toMatch(
      /Did not finish within 0.5 s/,
    );
  });

  it("refuses imports", async () => {
    const result = await run("loops", 'import fs from "node:fs"; export const x = fs;');
    expect(result).toMatchObject({
      kind: "error",
      message: expect.stringMatching(/Imports are not available/),
    });
  });

  it("reports syntax errors with their line", () => {
    const compiled = compileExercise(ts, "export function f( {\n");
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.errors[0]).toMatch(/^Line \d+, column \d+: /);
  });
});
