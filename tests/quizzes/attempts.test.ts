import { describe, expect, it } from "vitest";
import { POST as attempt, GET } from "@/app/api/v1/(quizzes)/quizzes/[quizId]/attempts/route";
import { plumbing } from "@/content/lessons/command-line-and-git/quizzes";
import { QUIZ_PASSED_SPAN } from "@/lib/quizzes/checks";
import { submitAttempt } from "@/lib/quizzes/contract";
import { idForKey } from "@/lib/sandbox/lookup";
import { listRequestLog } from "@/lib/sandbox/request-log";
import { expectConforms } from "../contract";
import { call, expectPipelineHeaders, expectProblem, newSandboxKey } from "../harness";
import { rightAnswers, sendAttempt, wrongAnswers } from "./support";

// "cli-pipes-and-exit-codes": pipe (single), exit-codes (multiple: zero, grep-one, and), stderr (single).
const QUIZ = plumbing.id;

describe("POST /api/v1/quizzes/{quizId}/attempts", () => {
  it("passes a quiz answered right, and says why each option is right or wrong", async () => {
    const key = await newSandboxKey();
    const res = await sendAttempt(key, QUIZ, { answers: rightAnswers(plumbing) });
    expect(res.status).toBe(200);
    expectPipelineHeaders(res);
    expect(res.headers.get("server-timing")).toContain(`${QUIZ_PASSED_SPAN};`);
    const body = await expectConforms(submitAttempt, res);
    expect(body).toMatchObject({ quizId: QUIZ, passed: true, score: 3, total: 3 });
    const exit = body.questions.find((q) => q.id === "exit-codes");
    expect(exit).toMatchObject({
      correct: true,
      answered: true,
      correctOptions: ["zero", "grep-one", "and"],
    });
    expect(exit?.explanation).toContain("`$?`");
    expect(exit?.options.find((o) => o.id === "crash")).toMatchObject({
      chosen: false,
      correct: false,
      explanation: expect.stringContaining("no match"),
    });
  });

  it("fails a quiz answered wrong, with the right options named", async () => {
    const key = await newSandboxKey();
    const res = await sendAttempt(key, QUIZ, { answers: wrongAnswers(plumbing) });
    const body = await expectConforms(submitAttempt, res);
    expect(body).toMatchObject({ passed: false, score: 0, total: 3 });
    expect(body.questions.map((q) => [q.id, q.correct, q.correctOptions])).toEqual([
      ["pipe", false, ["stdout-to-stdin"]],
      ["exit-codes", false, ["zero", "grep-one", "and"]],
      ["stderr", false, ["file"]],
    ]);
    expect(res.headers.get("server-timing")).not.toContain(QUIZ_PASSED_SPAN);
  });

  it("counts a multiple-choice question right only with every right option and no wrong one", async () => {
    const key = await newSandboxKey();
    const base = rightAnswers(plumbing);
    for (const partial of [
      ["zero", "grep-one"],
      ["zero", "grep-one", "and", "crash"],
    ]) {
      const res = await sendAttempt(key, QUIZ, { answers: { ...base, "exit-codes": partial } });
      const body = await expectConforms(submitAttempt, res);
      expect(body).toMatchObject({ passed: false, score: 2 });
      const exit = body.questions.find((q) => q.id === "exit-codes");
      expect(exit?.correct, partial.join()).toBe(false);
      // What was chosen comes back marked, so the page can say which choices were right.
      expect(exit?.options.filter((o) => o.chosen).map((o) => o.id)).toEqual(partial);
    }
  });

  it("counts a question left out as not answered", async () => {
    const key = await newSandboxKey();
    const { pipe, stderr } = rightAnswers(plumbing);
    const body = await expectConforms(
      submitAttempt,
      await sendAttempt(key, QUIZ, { answers: { pipe, stderr } }),
    );
    expect(body).toMatchObject({ passed: false, score: 2 });
    expect(body.questions.find((q) => q.id === "exit-codes")).toMatchObject({
      answered: false,
      correct: false,
    });
  });

  it("answers 404 naming a quiz that does not exist", async () => {
    const key = await newSandboxKey();
    const res = await sendAttempt(key, "no-such-quiz", { answers: {} });
    const problem = await expectProblem(res, "not-found");
    expect(problem.detail).toContain('"no-such-quiz"');
  });

  it("answers 422 naming an unknown question, an unknown option and a doubled one", async () => {
    const key = await newSandboxKey();
    const res = await sendAttempt(key, QUIZ, {
      answers: {
        pipe: ["stdout-to-stdin"],
        "no-such-question": ["x"],
        "exit-codes": ["zero", "nope", "zero"],
      },
    });
    const problem = await expectProblem(res, "validation", [
      "answers.no-such-question",
      "answers.exit-codes.1",
      "answers.exit-codes.2",
    ]);
    const messages = problem.errors?.map((e) => e.message).join("\n");
    expect(messages).toContain(`is not a question of quiz "${QUIZ}"`);
    expect(messages).toContain(`"nope" is not an option of question "exit-codes"`);
    expect(messages).toContain(`"zero" is chosen twice`);
  });

  it("answers 422 for two options to a single-choice question, and for a malformed body", async () => {
    const key = await newSandboxKey();
    await expectProblem(
      await sendAttempt(key, QUIZ, { answers: { pipe: ["stdout-to-stdin", "file"] } }),
      "validation",
      ["answers.pipe"],
    );
    await expectProblem(await sendAttempt(key, QUIZ, { answers: { pipe: "file" } }), "validation", [
      "answers.pipe",
    ]);
    await expectProblem(await sendAttempt(key, QUIZ, { answer: {} }), "validation");
    await expectProblem(await sendAttempt(key, QUIZ, {}), "validation", ["answers"]);
  });

  it("needs a sandbox, and allows only POST", async () => {
    await expectProblem(
      await call(
        attempt,
        `/api/v1/quizzes/${QUIZ}/attempts`,
        { quizId: QUIZ },
        {
          method: "POST",
          body: { answers: {} },
        },
      ),
      "unauthorized",
    );
    const key = await newSandboxKey();
    const res = await call(GET, `/api/v1/quizzes/${QUIZ}/attempts`, { quizId: QUIZ }, { key });
    await expectProblem(res, "method-not-allowed");
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("logs every attempt in the sandbox's own request log, the passed one with its span", async () => {
    const [a, b] = [await newSandboxKey(), await newSandboxKey()];
    await sendAttempt(a, QUIZ, { answers: wrongAnswers(plumbing) });
    await sendAttempt(a, QUIZ, { answers: rightAnswers(plumbing) });
    const idOfKey = async (key: string) => (await idForKey(key)) ?? "";
    const logOfA = await listRequestLog({ sandboxId: await idOfKey(a), limit: 10 });
    expect(logOfA.map((e) => [e.method, e.path, e.status])).toEqual([
      ["POST", `/api/v1/quizzes/${QUIZ}/attempts`, 200],
      ["POST", `/api/v1/quizzes/${QUIZ}/attempts`, 200],
    ]);
    expect(logOfA.map((e) => e.spans.some((s) => s.name === QUIZ_PASSED_SPAN))).toEqual([
      true,
      false,
    ]);
    expect(logOfA[0]?.spans.map((s) => s.name)).toContain("grade");
    expect(await listRequestLog({ sandboxId: await idOfKey(b), limit: 10 })).toEqual([]);
  });
});
