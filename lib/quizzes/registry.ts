import { lessons } from "@/content/lessons";
import { HttpProblem } from "@/lib/http/problem";
import type { QuizDefinition } from "./define";

/** Every lesson's quizzes, by id (the lesson registry refuses two quizzes with one id). */
const quizzes = new Map<string, QuizDefinition>(
  lessons.flatMap((lesson) => lesson.quizzes.map((quiz) => [quiz.id, quiz] as const)),
);

export function findQuiz(quizId: string): QuizDefinition {
  const quiz = quizzes.get(quizId);
  if (!quiz)
    throw new HttpProblem(
      "not-found",
      `There is no quiz "${quizId}". Each lesson's quizzes are listed in its page.`,
    );
  return quiz;
}
