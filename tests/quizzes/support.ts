import { POST as attempt } from "@/app/api/v1/(quizzes)/quizzes/[quizId]/attempts/route";
import { findLesson } from "@/content/lessons";
import { answerKey, type QuizDefinition } from "@/lib/quizzes/define";
import { call } from "../harness";

/** Sends an attempt at a quiz as this sandbox, through the route. */
export function sendAttempt(key: string, quizId: string, body: unknown): Promise<Response> {
  return call(
    attempt,
    `/api/v1/quizzes/${quizId}/attempts`,
    { quizId },
    { method: "POST", key, body },
  );
}

/** The right answers of a quiz, read from its declaration (as only the server can). */
export const rightAnswers: (quiz: QuizDefinition) => Record<string, string[]> = answerKey;

/** For each question, one option that is wrong. */
export function wrongAnswers(quiz: QuizDefinition): Record<string, string[]> {
  return Object.fromEntries(
    quiz.questions.map((q) => [q.id, [q.options.find((o) => !o.correct)?.id ?? ""]]),
  );
}

export function quizzesOf(slug: string): readonly QuizDefinition[] {
  const quizzes = findLesson(slug)?.quizzes ?? [];
  if (quizzes.length === 0) throw new Error(`${slug} has no quizzes`);
  return quizzes;
}
