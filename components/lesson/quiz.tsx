import { publicQuiz, type QuizDefinition } from "@/lib/quizzes/define";
import { QuizForm } from "./quiz-form";

/**
 * A knowledge check in a lesson's MDX: `<Quiz quiz={quizzes.pipes} />`, where the quiz is declared
 * in `content/lessons/<slug>/quizzes.ts` (see lib/quizzes/define.ts) and listed in the lesson's
 * `quizzes`. This server component hands the browser only the questions and options; which are
 * right, and why, come from the server once the learner has answered
 * (`POST /api/v1/quizzes/{quizId}/attempts`).
 */
export function Quiz({ quiz }: { quiz: QuizDefinition }) {
  return <QuizForm quiz={publicQuiz(quiz)} />;
}
