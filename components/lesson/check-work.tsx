"use client";

import { useEffect, useId, useState } from "react";

type Result = { id: string; title: string; passed: boolean; hint?: string };
type Report = { slug: string; passed: boolean; checks: Result[] };
type State =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "report"; report: Report }
  | { kind: "error"; message: string };

/**
 * "Check my work": runs the lesson's checks on the learner's sandbox (its rows and its request
 * log) and shows each result, with a hint for those not passed yet. All passed marks the lesson
 * done; there is no other way to.
 */
export function CheckWork({
  slug,
  checks,
}: {
  slug: string;
  checks: readonly { id: string; title: string }[];
}) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [done, setDone] = useState(false);
  const headingId = useId();

  useEffect(() => {
    fetch(`/api/progress/${slug}`, { credentials: "same-origin" })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { done?: boolean } | null) => setDone(Boolean(body?.done)))
      .catch(() => {});
  }, [slug]);

  async function run() {
    setState({ kind: "running" });
    try {
      const res = await fetch(`/api/progress/${slug}/check`, {
        method: "POST",
        credentials: "same-origin",
      });
      if (res.status === 401) {
        setState({
          kind: "error",
          message:
            "You have no sandbox yet, so there is nothing to check. Send a request from any console on this page first.",
        });
        return;
      }
      if (!res.ok) {
        const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
        setState({
          kind: "error",
          message: problem?.detail ?? `The check failed (${res.status}).`,
        });
        return;
      }
      const report = (await res.json()) as Report;
      setState({ kind: "report", report });
      if (report.passed) setDone(true);
    } catch {
      setState({ kind: "error", message: "Could not reach the server. Try again." });
    }
  }

  const results = state.kind === "report" ? state.report.checks : undefined;
  const passedCount = results?.filter((r) => r.passed).length ?? 0;
  const summary =
    state.kind === "running"
      ? "Checking your sandbox…"
      : results
        ? state.kind === "report" && state.report.passed
          ? `All ${results.length} checks passed. This lesson is done.`
          : `${passedCount} of ${results.length} checks passed.`
        : "";

  return (
    <section
      aria-labelledby={headingId}
      data-testid="check-work"
      className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">
          Check my work
        </h2>
        {done && (
          <span className="rounded-full bg-emerald-100 px-2.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
            ✓ Lesson done
          </span>
        )}
      </div>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Looks at your sandbox — its todos and its request log — for what this lesson asks you to do.
        When every check passes, the lesson is marked done.
      </p>
      <ul className="mt-4 space-y-2">
        {checks.map((check) => {
          const result = results?.find((r) => r.id === check.id);
          return (
            <li key={check.id} data-testid="check-result" className="flex gap-3 text-sm">
              <span
                aria-hidden
                className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                  !result
                    ? "border border-zinc-300 text-zinc-500 dark:border-zinc-600 dark:text-zinc-400"
                    : result.passed
                      ? "bg-emerald-700 text-white dark:bg-emerald-400 dark:text-zinc-950"
                      : "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
                }`}
              >
                {!result ? "·" : result.passed ? "✓" : "!"}
              </span>
              <div>
                <p>
                  {check.title}
                  {result && (
                    <span className="sr-only">{result.passed ? " — passed" : " — not yet"}</span>
                  )}
                </p>
                {result?.hint && (
                  <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">
                    <span className="font-medium text-amber-800 dark:text-amber-300">Try: </span>
                    {result.hint}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={run}
          disabled={state.kind === "running"}
          className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-60 dark:bg-emerald-400 dark:text-zinc-950 dark:hover:bg-emerald-300"
        >
          {state.kind === "report" ? "Check again" : "Check my work"}
        </button>
        <p role="status" aria-live="polite" className="text-sm" data-testid="check-summary">
          {summary}
        </p>
      </div>
      {state.kind === "error" && (
        <p role="alert" className="mt-3 text-sm text-rose-700 dark:text-rose-300">
          {state.message}
        </p>
      )}
    </section>
  );
}
