import { expect } from "vitest";
import { newSandboxKey } from "../harness";
import { failingChecks } from "../support/sql-lessons";
import { quizzesOf, rightAnswers, sendAttempt, wrongAnswers } from "./support";

/**
 * What every quiz lesson's checks must do: fail on a fresh sandbox, stay failed after wrong
 * answers, pass one by one as its quizzes are passed, and only for the sandbox that passed them.
 */
export async function expectQuizChecks(slug: string) {
  const quizzes = quizzesOf(slug);
  const ids = quizzes.map((quiz) => `quiz-${quiz.id}`);
  const [key, other] = [await newSandboxKey(), await newSandboxKey()];
  expect(await failingChecks(key, slug)).toEqual(ids);

  for (const quiz of quizzes) {
    const res = await sendAttempt(key, quiz.id, { answers: wrongAnswers(quiz) });
    expect(res.status).toBe(200);
  }
  expect(await failingChecks(key, slug)).toEqual(ids);

  const [first, ...rest] = quizzes;
  if (!first) throw new Error(`${slug} has no quizzes`);
  await sendAttempt(key, first.id, { answers: rightAnswers(first) });
  expect(await failingChecks(key, slug)).toEqual(ids.slice(1));

  for (const quiz of rest) {
    const res = await sendAttempt(key, quiz.id, { answers: rightAnswers(quiz) });
    expect(((await res.json()) as { passed: boolean }).passed, quiz.id).toBe(true);
  }
  expect(await failingChecks(key, slug)).toEqual([]);
  // Another learner's sandbox saw none of it.
  expect(await failingChecks(other, slug)).toEqual(ids);
}
