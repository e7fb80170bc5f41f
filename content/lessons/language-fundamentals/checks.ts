import { PASSED_SPAN } from "@/lib/language-fundamentals/contract";
import { requested } from "@/lib/lessons/checks";
import { quizPassed } from "@/lib/quizzes/checks";
import { exercises } from "./exercises";
import { quizzes } from "./quizzes";

/**
 * What "Check my work" looks for: a passing run of each exercise, as the page reported it to your
 * sandbox (the tests ran in your browser, so this trusts it: a learning aid, not an exam), and the
 * knowledge check at the end passed (graded by the server).
 */
export const checks = [
  ...exercises.map((exercise) =>
    requested(
      {
        id: `exercise-${exercise.id}`,
        title: `You passed the exercise "${exercise.title}"`,
        hint: `Press Run under "${exercise.title}", read which test failed and why, change your code and run it again until every test passes.`,
      },
      {
        method: "POST",
        path: `/api/v1/exercises/${exercise.id}/results`,
        status: 200,
        spans: [PASSED_SPAN],
      },
    ),
  ),
  ...quizzes.map(quizPassed),
];
