import { describe, it } from "vitest";
import { expectQuizChecks } from "../quizzes/lesson-checks";

describe("the github-workflow lesson's checks", () => {
  it("fail on a fresh sandbox and after wrong answers, pass as its quizzes are passed, in that sandbox only", {
    timeout: 120_000,
  }, async () => {
    await expectQuizChecks("github-workflow");
  });
});
