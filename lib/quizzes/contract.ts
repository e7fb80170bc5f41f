import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";

/** Bounds of one attempt: far above any quiz here, small enough to refuse abuse early. */
export const QUIZ_LIMITS = { questions: 50, optionsPerAnswer: 20, idChars: 64 } as const;

const id = (what: string) =>
  z
    .string({ error: `must be a ${what} id (a string)` })
    .min(1, `must be a ${what} id`)
    .max(QUIZ_LIMITS.idChars, `must be at most ${QUIZ_LIMITS.idChars} characters`);

export const attemptParams = z.strictObject({ quizId: id("quiz") });

export const attemptBody = z.strictObject({
  answers: z
    .record(
      id("question"),
      z
        .array(id("option"), { error: "must be a list of option ids" })
        .max(
          QUIZ_LIMITS.optionsPerAnswer,
          `must list at most ${QUIZ_LIMITS.optionsPerAnswer} options`,
        ),
      { error: 'must be an object: { "<questionId>": ["<optionId>", …] }' },
    )
    .refine(
      (answers) => Object.keys(answers).length <= QUIZ_LIMITS.questions,
      `must answer at most ${QUIZ_LIMITS.questions} questions`,
    ),
});
export type AttemptBody = z.infer<typeof attemptBody>;

export const optionResult = z.strictObject({
  id: z.string(),
  chosen: z.boolean(),
  correct: z.boolean().describe("Whether this option is one to choose"),
  explanation: z.string().describe("Why it is right or wrong"),
});

export const questionResult = z.strictObject({
  id: z.string(),
  answered: z.boolean().describe("Whether any option was chosen"),
  correct: z.boolean().describe("Exactly the right options were chosen"),
  explanation: z.string(),
  correctOptions: z.array(z.string()).describe("The ids of the options to choose"),
  options: z.array(optionResult),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const attemptResult = z.strictObject({
  quizId: z.string(),
  passed: z.boolean().describe("Every question answered right"),
  score: z.number().int().describe("Questions answered right"),
  total: z.number().int().describe("Questions in the quiz"),
  questions: z.array(questionResult),
});
export type AttemptResult = z.infer<typeof attemptResult>;

export const submitAttempt = defineOperation({
  method: "POST",
  path: "/api/v1/quizzes/{quizId}/attempts",
  summary: "Answer a lesson's quiz and have it graded",
  description:
    "Send the ids of the options you chose, per question. The answer says, per question, whether it was right, which options were, and why each option is right or wrong. A question left out counts as not answered. A passed quiz counts towards its lesson's checks.",
  params: attemptParams,
  body: attemptBody,
  responses: { 200: { description: "The graded attempt", body: attemptResult } },
  problems: ["validation", "not-found", "content-too-large", "unsupported-media-type"],
});

/** The quiz API, as the lessons with quizzes list it. */
export const quizApi = [submitAttempt] as const;
