import { isValidElement } from "react";
import { describe, expect, it } from "vitest";
import { Quiz } from "@/components/lesson/quiz";
import { lessons } from "@/content/lessons";
import { defineQuiz, publicQuiz, type QuizDefinition } from "@/lib/quizzes/define";

const allQuizzes = lessons.flatMap((lesson) => lesson.quizzes);

/** Every text only the graded answer may carry: the explanations. */
const secretsOf = (quiz: QuizDefinition) =>
  quiz.questions.flatMap((q) => [q.explanation, ...q.options.map((o) => o.explanation)]);

describe("what a lesson page receives of a quiz", () => {
  it("has quizzes to show: the weeks 1–2 lessons declare theirs", () => {
    const ids = allQuizzes.map((quiz) => quiz.id);
    expect(ids).toEqual(expect.arrayContaining(["cli-first-steps", "github-pull-requests"]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is the questions and options only: no right answers, no explanations", () => {
    for (const quiz of allQuizzes) {
      const shown = publicQuiz(quiz);
      const text = JSON.stringify(shown);
      expect(text, quiz.id).not.toMatch(/"correct"|"explanation"/);
      for (const secret of secretsOf(quiz)) expect(text, quiz.id).not.toContain(secret);
      // Every question and option is still there to answer.
      expect(shown.questions.map((q) => q.options.map((o) => o.id))).toEqual(
        quiz.questions.map((q) => q.options.map((o) => o.id)),
      );
    }
  });

  it("is all the <Quiz> server component passes on to the browser", () => {
    for (const quiz of allQuizzes) {
      const element = Quiz({ quiz });
      expect(isValidElement(element)).toBe(true);
      // Props of a client component are what the page's payload serialises.
      expect(element.props).toEqual({ quiz: publicQuiz(quiz) });
    }
  });
});

describe("defineQuiz", () => {
  const option = (id: string, correct = false) => ({ id, text: id, correct, explanation: id });
  const question = (kind: "single" | "multiple", options: ReturnType<typeof option>[]) => ({
    id: "q",
    kind,
    prompt: "?",
    explanation: ".",
    options,
  });

  it("refuses a quiz nobody could answer right", () => {
    const quiz = (q: ReturnType<typeof question>) => () =>
      defineQuiz({ id: "broken", title: "Broken", questions: [q] });
    expect(quiz(question("single", [option("a", true), option("b", true)]))).toThrow(
      "needs one right option",
    );
    expect(quiz(question("multiple", [option("a"), option("b")]))).toThrow("needs a right option");
    expect(quiz(question("single", [option("a", true), option("a")]))).toThrow("option ids repeat");
    expect(quiz(question("single", [option("a", true)]))).toThrow("at least two options");
  });

  it("accepts a well-formed quiz as it is", () => {
    const q = question("multiple", [option("a", true), option("b", true), option("c")]);
    expect(defineQuiz({ id: "fine", title: "Fine", questions: [q] }).questions[0]).toBe(q);
  });
});
