/**
 * Knowledge checks (quizzes), declared once beside their lesson in
 * `content/lessons/<slug>/quizzes.ts` and listed in its `lesson.ts` (`quizzes: [...]`).
 *
 * The same declaration serves both sides: the page gets only `publicQuiz(quiz)` (questions and
 * options, never which are right nor the explanations), and the server grades attempts with the
 * whole of it (`POST /api/v1/quizzes/{quizId}/attempts`, lib/quizzes/grade.ts).
 *
 * Text may mark code with backticks (`like this`); the page shows it as code.
 *
 * ```ts
 * export const pipes = defineQuiz({
 *   id: "cli-pipes", // unique across all lessons: it is the URL of its attempts
 *   title: "Pipes and exit codes",
 *   questions: [{
 *     id: "exit-code",
 *     kind: "single", // or "multiple": any number of options may be right
 *     prompt: "What does an exit code of 0 mean?",
 *     explanation: "Said after answering, whatever was chosen.",
 *     options: [
 *       { id: "ok", text: "Success", correct: true, explanation: "Yes: 0 is success." },
 *       { id: "fail", text: "Failure", explanation: "Any non-zero code is a failure." },
 *     ],
 *   }],
 * });
 * ```
 * and in the lesson's MDX: `<Quiz quiz={pipes} />` (components/lesson/quiz.tsx).
 */

export type QuizOption = {
  /** Unique in its question: kebab-case. */
  id: string;
  text: string;
  /** Whether choosing it is right. At least one option per question is. */
  correct?: boolean;
  /** Why it is right or wrong, shown after answering. */
  explanation: string;
};

export type QuizQuestion = {
  /** Unique in its quiz: kebab-case. */
  id: string;
  /** "single": exactly one option is right (radio buttons); "multiple": one or more (checkboxes). */
  kind: "single" | "multiple";
  prompt: string;
  /** What the question was about, shown after answering. */
  explanation: string;
  options: readonly QuizOption[];
};

export type QuizDefinition = {
  /** Unique across all lessons: kebab-case, the `{quizId}` of its attempts. */
  id: string;
  title: string;
  questions: readonly QuizQuestion[];
};

/** What a page receives: no `correct`, no explanation. */
export type PublicQuiz = {
  id: string;
  title: string;
  questions: {
    id: string;
    kind: "single" | "multiple";
    prompt: string;
    options: { id: string; text: string }[];
  }[];
};

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Declares a quiz, and refuses at load time one that could not be answered right. */
export function defineQuiz<const Q extends QuizDefinition>(quiz: Q): Q {
  const problems: string[] = [];
  if (!KEBAB.test(quiz.id)) problems.push("its id must be kebab-case");
  if (quiz.questions.length === 0) problems.push("it has no questions");
  const questionIds = new Set<string>();
  for (const question of quiz.questions) {
    const at = `question "${question.id}"`;
    if (!KEBAB.test(question.id)) problems.push(`${at}: its id must be kebab-case`);
    if (questionIds.has(question.id)) problems.push(`${at} is there twice`);
    questionIds.add(question.id);
    const optionIds = new Set(question.options.map((o) => o.id));
    if (optionIds.size !== question.options.length) problems.push(`${at}: option ids repeat`);
    for (const id of optionIds) if (!KEBAB.test(id)) problems.push(`${at}: option "${id}"`);
    const right = question.options.filter((o) => o.correct).length;
    if (question.options.length < 2) problems.push(`${at}: needs at least two options`);
    if (question.kind === "single" && right !== 1) problems.push(`${at}: needs one right option`);
    if (question.kind === "multiple" && right < 1) problems.push(`${at}: needs a right option`);
  }
  if (problems.length > 0) throw new Error(`quiz "${quiz.id}": ${problems.join("; ")}`);
  return quiz;
}

/** The quiz as a page may show it before anything is answered. */
export function publicQuiz(quiz: QuizDefinition): PublicQuiz {
  return {
    id: quiz.id,
    title: quiz.title,
    questions: quiz.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
    })),
  };
}

/** The ids of a question's right options, in their order: what grading compares with. */
export function correctOptionIds(question: QuizQuestion): string[] {
  return question.options.filter((o) => o.correct).map((o) => o.id);
}

/** Every question's right options: the answers that pass the quiz (for tests; never sent to a page). */
export function answerKey(quiz: QuizDefinition): Record<string, string[]> {
  return Object.fromEntries(quiz.questions.map((q) => [q.id, correctOptionIds(q)]));
}
