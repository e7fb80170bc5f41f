import { type FieldError, HttpProblem } from "@/lib/http/problem";
import type { AttemptBody, AttemptResult } from "./contract";
import { correctOptionIds, type QuizDefinition } from "./define";

/**
 * Grades one attempt. Answers naming a question or option the quiz does not have, or several
 * options for a single-choice question, are refused (422) with every such field named: a typo
 * should not silently count as a wrong answer.
 */
export function gradeAttempt(quiz: QuizDefinition, answers: AttemptBody["answers"]): AttemptResult {
  const errors: FieldError[] = [];
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  for (const [questionId, chosen] of Object.entries(answers)) {
    const field = `answers.${questionId}`;
    const question = byId.get(questionId);
    if (!question) {
      errors.push({
        in: "body",
        field,
        message: `is not a question of quiz "${quiz.id}" (its questions: ${[...byId.keys()].join(", ")})`,
      });
      continue;
    }
    const known = new Set(question.options.map((o) => o.id));
    chosen.forEach((optionId, i) => {
      if (!known.has(optionId))
        errors.push({
          in: "body",
          field: `${field}.${i}`,
          message: `"${optionId}" is not an option of question "${questionId}" (its options: ${[...known].join(", ")})`,
        });
      else if (chosen.indexOf(optionId) !== i)
        errors.push({
          in: "body",
          field: `${field}.${i}`,
          message: `"${optionId}" is chosen twice`,
        });
    });
    if (question.kind === "single" && chosen.length > 1)
      errors.push({
        in: "body",
        field,
        message: "takes one option: it is a single-choice question",
      });
  }
  if (errors.length > 0) {
    const names = [...new Set(errors.map((e) => e.field))].join(", ");
    throw new HttpProblem("validation", `Invalid body ${names}.`, { errors });
  }

  const questions = quiz.questions.map((question) => {
    const chosen = new Set(answers[question.id] ?? []);
    const correctOptions = correctOptionIds(question);
    const correct =
      chosen.size === correctOptions.length && correctOptions.every((id) => chosen.has(id));
    return {
      id: question.id,
      answered: chosen.size > 0,
      correct,
      explanation: question.explanation,
      correctOptions,
      options: question.options.map((o) => ({
        id: o.id,
        chosen: chosen.has(o.id),
        correct: Boolean(o.correct),
        explanation: o.explanation,
      })),
    };
  });
  const score = questions.filter((q) => q.correct).length;
  return {
    quizId: quiz.id,
    passed: score === questions.length,
    score,
    total: questions.length,
    questions,
  };
}
