import { QUIZ_PASSED_SPAN } from "@/lib/quizzes/checks";
import * as api from "@/lib/quizzes/contract";
import { gradeAttempt } from "@/lib/quizzes/grade";
import { findQuiz } from "@/lib/quizzes/registry";
import { lessonApi } from "@/lib/sandbox/api";

// POST /api/v1/quizzes/{quizId}/attempts — grade your answers to a lesson's quiz
const submit = lessonApi.route(api.submitAttempt, {
  // 1. Your sandbox was identified (the attempt goes into its request log); the body is bounded.
  span: ["grade", "Grade your answers"],
  // 2. An unknown quiz is a 404; an unknown question or option a 422 naming it.
  run: ({ params, body }) => gradeAttempt(findQuiz(params.quizId), body.answers),
  // 3. A passed quiz is marked in the log: the lesson's checks look for that mark.
  respond: (result, { ctx }) => {
    if (result.passed) ctx.timing.mark(QUIZ_PASSED_SPAN, "Every answer right");
    return Response.json(result);
  },
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ POST: submit });
