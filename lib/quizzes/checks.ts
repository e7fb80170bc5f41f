import { type Check, requested } from "@/lib/lessons/checks";
import type { QuizDefinition } from "./define";

/** The span a passed attempt records: what a lesson's checks look for in the request log. */
export const QUIZ_PASSED_SPAN = "quiz-passed";

/** A check that passes once the learner has answered every question of `quiz` right. */
export function quizPassed(quiz: QuizDefinition): Check {
  return requested(
    {
      id: `quiz-${quiz.id}`,
      title: `You passed the quiz “${quiz.title}”`,
      hint: "Answer every question of this quiz right; the explanations after a wrong answer say why.",
    },
    {
      method: "POST",
      path: `/api/v1/quizzes/${quiz.id}/attempts`,
      status: 200,
      spans: [QUIZ_PASSED_SPAN],
    },
  );
}
