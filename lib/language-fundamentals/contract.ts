import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";

/**
 * Where the page reports an exercise's run: the browser ran the tests, so this is the learner's
 * word for it (a learning aid, not an exam). "Check my work" reads these reports from the request
 * log: a passing one carries the `tests-passed` span.
 */

export const MAX_TESTS = 50;
export const PASSED_SPAN = "tests-passed";
export const FAILED_SPAN = "tests-failed";

export const exerciseParams = z.strictObject({
  exerciseId: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "is not an exercise id (lowercase words joined by -)")
    .max(64, "is longer than any exercise id"),
});

const testOutcome = z.strictObject({
  name: z.string().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  passed: z.boolean({ error: "must be true or false" }),
  message: z.string().max(2000, "must be at most 2000 characters").optional(),
});

export const exerciseResultBody = z
  .strictObject({
    passed: z.boolean({ error: "must be true or false" }),
    tests: z
      .array(testOutcome, { error: "must be a list of test outcomes" })
      .min(1, "must list at least one test")
      .max(MAX_TESTS, `must list at most ${MAX_TESTS} tests`),
  })
  .refine((body) => body.passed === body.tests.every((test) => test.passed), {
    path: ["passed"],
    message: "must be true exactly when every test passed",
  });
export type ExerciseResultBody = z.infer<typeof exerciseResultBody>;

export const exerciseResultView = z.strictObject({
  exerciseId: z.string(),
  passed: z.boolean(),
  testsPassed: z.number().int().nonnegative(),
  testsTotal: z.number().int().positive(),
});

export const reportExerciseResult = defineOperation({
  method: "POST",
  path: "/api/v1/exercises/{exerciseId}/results",
  summary: "Report a code exercise's run from the browser (counts towards Check my work)",
  description:
    "The page runs an exercise's tests in your browser and reports the outcome here. The tests listed must be the exercise's own, by name.",
  params: exerciseParams,
  body: exerciseResultBody,
  maxBodyBytes: 64 * 1024,
  responses: {
    200: { description: "The result, recorded in your request log", body: exerciseResultView },
  },
  problems: ["validation", "not-found", "malformed-request", "unsupported-media-type"],
});

export const exercisesApi = [reportExerciseResult] as const;
