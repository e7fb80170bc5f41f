import { findExercise } from "@/content/lessons/language-fundamentals/exercises";
import { HttpProblem } from "@/lib/http/problem";
import * as api from "@/lib/language-fundamentals/contract";
import { lessonApi } from "@/lib/sandbox/api";

// POST /api/v1/exercises/:exerciseId/results — the page reports a run of an exercise's tests
const report = lessonApi.route(api.reportExerciseResult, {
  run: ({ ctx, params, body }) => {
    // 1. The exercise must exist, and the tests reported must be its own.
    const exercise = findExercise(params.exerciseId);
    if (!exercise) {
      throw new HttpProblem("not-found", `There is no exercise ${params.exerciseId}.`);
    }
    const expected = exercise.tests.map((test) => test.name);
    const reported = body.tests.map((test) => test.name);
    if (expected.length !== reported.length || expected.some((name) => !reported.includes(name))) {
      throw new HttpProblem("validation", "The tests reported are not this exercise's tests.", {
        errors: [
          { in: "body", field: "tests", message: `must be the tests ${JSON.stringify(expected)}` },
        ],
      });
    }
    // 2. The outcome goes into the request log as a span: Check my work looks for it there.
    if (body.passed) ctx.timing.mark(api.PASSED_SPAN, `All ${expected.length} tests passed`);
    else ctx.timing.mark(api.FAILED_SPAN, "Some tests failed");
    return {
      exerciseId: exercise.id,
      passed: body.passed,
      testsPassed: body.tests.filter((test) => test.passed).length,
      testsTotal: body.tests.length,
    };
  },
  respond: (result) => Response.json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ POST: report });
