import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { POST as results } from "@/app/api/v1/(language-fundamentals)/exercises/[exerciseId]/results/route";
import { findLesson } from "@/content/lessons";
import { exercises } from "@/content/lessons/language-fundamentals/exercises";
import { reportExerciseResult } from "@/lib/language-fundamentals/contract";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, expectPipelineHeaders, expectProblem, newSandboxKey } from "../harness";
import { quizzesOf, rightAnswers, sendAttempt } from "../quizzes/support";

const SLUG = "language-fundamentals";

/** What the page sends after a run of `id` where every test passed (or the first failed). */
function outcome(id: string, passed: boolean) {
  const exercise = exercises.find((e) => e.id === id);
  if (!exercise) throw new Error(id);
  const tests = exercise.tests.map((test, i) => ({
    name: test.name,
    passed: passed || i > 0,
    message: passed || i > 0 ? "Passed" : "Expected 1, got 2.",
  }));
  return { passed, tests };
}

const report = (key: string | undefined, id: string, body: unknown) =>
  call(
    results,
    `/api/v1/exercises/${id}/results`,
    { exerciseId: id },
    { method: "POST", key, body },
  );

async function failingChecks(key: string): Promise<string[]> {
  const res = await call(
    checkRoute,
    `/api/progress/${SLUG}/check`,
    { slug: SLUG },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return (await expectConforms(checkWork, res)).checks.filter((c) => !c.passed).map((c) => c.id);
}

describe("POST /api/v1/exercises/{exerciseId}/results", () => {
  it("records a passing run and says how many tests passed", async () => {
    const key = await newSandboxKey();
    const res = await report(key, "loops", outcome("loops", true));
    expect(res.status).toBe(200);
    expectPipelineHeaders(res);
    expect(res.headers.get("server-timing")).toContain("tests-passed;");
    expect(await expectConforms(reportExerciseResult, res)).toEqual({
      exerciseId: "loops",
      passed: true,
      testsPassed: 3,
      testsTotal: 3,
    });
  });

  it("records a failing run", async () => {
    const key = await newSandboxKey();
    const res = await report(key, "loops", outcome("loops", false));
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toContain("tests-failed;");
    expect(await res.json()).toMatchObject({ passed: false, testsPassed: 2, testsTotal: 3 });
  });

  it("answers 404 for an exercise that does not exist", async () => {
    const key = await newSandboxKey();
    const problem = await expectProblem(
      await report(key, "no-such-thing", outcome("loops", true)),
      "not-found",
    );
    expect(problem.detail).toBe("There is no exercise no-such-thing.");
  });

  it("answers 422 naming each invalid field", async () => {
    const key = await newSandboxKey();
    await expectProblem(await report(key, "loops", { passed: "yes", tests: [] }), "validation", [
      "passed",
      "tests",
    ]);
    await expectProblem(await report(key, "Loops!", outcome("loops", true)), "validation", [
      "exerciseId",
    ]);
    // "Passed" while a test failed does not add up.
    const lying = { ...outcome("loops", false), passed: true };
    await expectProblem(await report(key, "loops", lying), "validation", ["passed"]);
    // Another exercise's tests.
    await expectProblem(await report(key, "loops", outcome("types", true)), "validation", [
      "tests",
    ]);
  });

  it("answers 400 to a body that is not JSON, and 401 without a sandbox", async () => {
    const key = await newSandboxKey();
    await expectProblem(await report(key, "loops", "{passed: true"), "malformed-request");
    await expectProblem(await report(undefined, "loops", outcome("loops", true)), "unauthorized");
  });
});

describe("the language fundamentals checks", () => {
  it("all fail on a fresh sandbox and after failing runs", async () => {
    const key = await newSandboxKey();
    const all = findLesson(SLUG)?.checks.map((c) => c.id);
    // One per exercise, and the knowledge check at the end.
    expect(all).toEqual([...exercises.map((e) => `exercise-${e.id}`), "quiz-typescript-basics"]);
    expect(await failingChecks(key)).toEqual(all);
    for (const { id } of exercises) await report(key, id, outcome(id, false));
    expect(await failingChecks(key)).toEqual(all);
  });

  it("pass one by one as each exercise's passing run is reported", async () => {
    const key = await newSandboxKey();
    await report(key, "types", outcome("types", true));
    expect(await failingChecks(key)).not.toContain("exercise-types");
    expect(await failingChecks(key)).toContain("exercise-loops");
    for (const { id } of exercises) {
      expect((await report(key, id, outcome(id, true))).status).toBe(200);
    }
    expect(await failingChecks(key)).toEqual(["quiz-typescript-basics"]);
    const [quiz] = quizzesOf(SLUG);
    if (!quiz) throw new Error(`${SLUG} has no quiz`);
    await sendAttempt(key, quiz.id, { answers: rightAnswers(quiz) });
    expect(await failingChecks(key)).toEqual([]);
  });
});
