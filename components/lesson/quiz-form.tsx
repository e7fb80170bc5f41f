"use client";

import { type FormEvent, Fragment, type ReactNode, useId, useState } from "react";
import { ensureSandbox } from "@/components/console/sandbox";
import { focusRing, frameClass } from "@/components/console/styles";
import type { AttemptResult, QuestionResult } from "@/lib/quizzes/contract";
import type { PublicQuiz } from "@/lib/quizzes/define";

type Answers = Record<string, string[]>;
type State =
  | { kind: "idle" }
  | { kind: "sending" }
  /** `sent`: the answers graded, so feedback hides for a question answered differently since. */
  | { kind: "graded"; result: AttemptResult; sent: Answers }
  | { kind: "error"; message: string };

/** `code` in backticks as <code>, the rest as text. */
function withCode(text: string): ReactNode {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
      <code key={i} className="rounded bg-zinc-100 px-1 font-mono text-[0.9em] dark:bg-zinc-800">
        {part}
      </code>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

async function submit(quizId: string, answers: Answers): Promise<State> {
  const sandbox = await ensureSandbox();
  if (!sandbox.ok) return { kind: "error", message: `No sandbox: ${sandbox.error}` };
  try {
    const res = await fetch(`/api/v1/quizzes/${encodeURIComponent(quizId)}/attempts`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answers }),
    });
    const body = await res.json().catch(() => null);
    if (res.ok && body) return { kind: "graded", result: body as AttemptResult, sent: answers };
    const detail = (body as { detail?: string } | null)?.detail;
    return {
      kind: "error",
      message: detail ?? `The answers could not be checked (${res.status}).`,
    };
  } catch {
    return { kind: "error", message: "Could not reach the server. Try again." };
  }
}

function verdict(result: QuestionResult): { text: string; className: string } {
  if (result.correct) return { text: "Right", className: "text-emerald-800 dark:text-emerald-300" };
  if (!result.answered)
    return { text: "Not answered", className: "text-amber-800 dark:text-amber-300" };
  return { text: "Not quite", className: "text-rose-700 dark:text-rose-300" };
}

function optionNote(option: QuestionResult["options"][number]): { mark: string; label: string } {
  if (option.correct && option.chosen) return { mark: "✓", label: "Right choice" };
  if (option.correct) return { mark: "!", label: "Also right, not chosen" };
  if (option.chosen) return { mark: "✗", label: "Not right" };
  return { mark: "·", label: "Not right" };
}

/**
 * The interactive quiz (see quiz.tsx): one fieldset per question, radio buttons for
 * single-choice and checkboxes for multiple-choice. "Check answers" grades on the server; the
 * verdict of each question and the reason for each option then appear beside them, and a live
 * region announces the score. Answers can be changed and checked again; a question answered
 * differently since the last check shows no feedback until the next.
 */
export function QuizForm({ quiz }: { quiz: PublicQuiz }) {
  const [answers, setAnswers] = useState<Answers>({});
  const [state, setState] = useState<State>({ kind: "idle" });
  const titleId = useId();
  const result = state.kind === "graded" ? state.result : undefined;

  function choose(questionId: string, optionId: string, kind: "single" | "multiple", on: boolean) {
    setAnswers((current) => {
      const chosen = current[questionId] ?? [];
      const next =
        kind === "single"
          ? [optionId]
          : on
            ? [...chosen.filter((id) => id !== optionId), optionId]
            : chosen.filter((id) => id !== optionId);
      return { ...current, [questionId]: next };
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (state.kind === "sending") return;
    setState({ kind: "sending" });
    setState(await submit(quiz.id, answers));
  }

  const summary =
    state.kind === "sending"
      ? "Checking your answers…"
      : result
        ? result.passed
          ? `All ${result.total} right: quiz passed.`
          : `${result.score} of ${result.total} right. Read why below, change your answers and check again.`
        : "";

  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby={titleId}
      data-testid="quiz"
      data-quiz={quiz.id}
      className={`${frameClass} px-4 py-4 sm:px-5`}
    >
      <p id={titleId} className="text-base font-semibold">
        <span className="mr-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
          Quiz
        </span>
        {quiz.title}
      </p>
      <ol className="mt-3 space-y-5">
        {quiz.questions.map((question, n) => {
          const sent = state.kind === "graded" ? state.sent[question.id] : undefined;
          const now = answers[question.id] ?? [];
          const changed =
            (sent ?? []).length !== now.length || now.some((id) => !sent?.includes(id));
          const graded = changed ? undefined : result?.questions.find((q) => q.id === question.id);
          const mark = graded && verdict(graded);
          return (
            <li key={question.id}>
              <fieldset data-testid="quiz-question">
                <legend className="font-medium leading-6">
                  {n + 1}. {withCode(question.prompt)}{" "}
                  <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
                    {question.kind === "multiple" ? "(choose all that apply)" : "(choose one)"}
                  </span>
                </legend>
                <ul className="mt-2 space-y-1.5">
                  {question.options.map((option) => {
                    const name = `${quiz.id}-${question.id}`;
                    const inputId = `${name}-${option.id}`;
                    const checked = (answers[question.id] ?? []).includes(option.id);
                    const back = graded?.options.find((o) => o.id === option.id);
                    const note = back && optionNote(back);
                    const noteId = `${inputId}-why`;
                    return (
                      <li
                        key={option.id}
                        className="rounded-lg border border-zinc-200 has-[:checked]:border-emerald-700 dark:border-zinc-700 dark:has-[:checked]:border-emerald-400"
                      >
                        <label
                          htmlFor={inputId}
                          className="flex cursor-pointer items-start gap-2.5 rounded-lg px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
                        >
                          <input
                            id={inputId}
                            type={question.kind === "single" ? "radio" : "checkbox"}
                            name={name}
                            value={option.id}
                            checked={checked}
                            aria-describedby={back ? noteId : undefined}
                            onChange={(e) =>
                              choose(question.id, option.id, question.kind, e.target.checked)
                            }
                            className={`mt-1 size-4 shrink-0 accent-emerald-700 dark:accent-emerald-400 ${focusRing}`}
                          />
                          <span className="min-w-0 break-words">{withCode(option.text)}</span>
                        </label>
                        {back && note && (
                          <p
                            id={noteId}
                            data-testid="quiz-option-explanation"
                            className="-mt-1 px-3 pb-2 pl-9.5 text-[13px] text-zinc-700 dark:text-zinc-300"
                          >
                            <span
                              className={`font-semibold ${back.correct ? "text-emerald-800 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}
                            >
                              <span aria-hidden>{note.mark} </span>
                              {note.label}:
                            </span>{" "}
                            {withCode(back.explanation)}
                          </p>
                        )}
                      </li>
                    );
                  })}
                </ul>
                {graded && mark && (
                  <p data-testid="quiz-verdict" className="mt-2 text-sm">
                    <span className={`font-semibold ${mark.className}`}>{mark.text}.</span>{" "}
                    {withCode(graded.explanation)}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          aria-disabled={state.kind === "sending"}
          className={`inline-flex h-9 items-center justify-center rounded-lg bg-emerald-700 px-4 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 focus-visible:outline-offset-2 dark:bg-emerald-400 dark:text-zinc-950 dark:hover:bg-emerald-300 ${focusRing}`}
        >
          {result ? "Check again" : "Check answers"}
        </button>
        <p role="status" aria-live="polite" data-testid="quiz-summary" className="text-sm">
          {summary}
        </p>
      </div>
      {state.kind === "error" && (
        <p role="alert" className="mt-3 text-sm text-rose-700 dark:text-rose-300">
          {state.message}
        </p>
      )}
    </form>
  );
}
