import { useId } from "react";
import { focusRing } from "@/components/console/styles";
import type { RunResult } from "@/lib/language-fundamentals/types";
import type { Phase } from "./run";

const LEVEL_CLASS = {
  log: "text-zinc-800 dark:text-zinc-200",
  info: "text-zinc-800 dark:text-zinc-200",
  warn: "text-amber-800 dark:text-amber-300",
  error: "text-red-700 dark:text-red-300",
} as const;

function summaryOf(result: RunResult): { text: string; passed: boolean } {
  if (result.kind === "timeout") {
    return {
      text: `Stopped after ${result.seconds} s: your code was still running (an endless loop?). The page stopped it; fix the loop and run again.`,
      passed: false,
    };
  }
  if (result.kind === "error") return { text: result.message, passed: false };
  const passed = result.tests.filter((test) => test.passed).length;
  const total = result.tests.length;
  return passed === total
    ? { text: `All ${total} tests passed.`, passed: true }
    : { text: `${passed} of ${total} tests passed.`, passed: false };
}

/** What a run ended with: a summary (announced), each test with its message, the console output. */
export function ExerciseResults({
  running,
  result,
  report,
  reported,
}: {
  running?: Phase;
  result?: RunResult;
  report?: string;
  reported?: boolean;
}) {
  const summary = result && summaryOf(result);
  const outputId = useId();
  return (
    <div className="border-t border-zinc-200 bg-zinc-50/60 px-3 py-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-950/40">
      <p
        aria-live="polite"
        data-testid="exercise-summary"
        className={`whitespace-pre-wrap font-medium ${
          !summary
            ? "text-zinc-600 dark:text-zinc-400"
            : summary.passed
              ? "text-emerald-800 dark:text-emerald-300"
              : "text-red-700 dark:text-red-300"
        }`}
      >
        {running === "compiling"
          ? "Compiling… (the first run loads the TypeScript compiler)"
          : running === "running"
            ? "Running the tests…"
            : (summary?.text ?? "Press Run to compile your code and run the tests.")}
      </p>
      {result?.kind === "tested" && (
        <ul className="mt-2 space-y-1.5" aria-label="Tests">
          {result.tests.map((test) => (
            <li
              key={test.name}
              data-testid="exercise-test"
              data-passed={test.passed}
              className="flex gap-2"
            >
              <span
                aria-hidden
                className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                  test.passed
                    ? "bg-emerald-700 text-white dark:bg-emerald-400 dark:text-zinc-950"
                    : "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200"
                }`}
              >
                {test.passed ? "✓" : "✗"}
              </span>
              <div className="min-w-0">
                <p className="text-zinc-900 dark:text-zinc-100">
                  {test.name}
                  <span className="sr-only">{test.passed ? " — passed" : " — failed"}</span>
                </p>
                {!test.passed && (
                  <p className="break-words font-mono text-xs text-zinc-700 dark:text-zinc-300">
                    {test.message}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {result && result.logs.length > 0 && (
        <div className="mt-3">
          <p id={outputId} className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">
            Console output
          </p>
          <section
            aria-labelledby={outputId}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
            tabIndex={0}
            className={`mt-1 max-h-48 overflow-auto rounded-md border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900 ${focusRing}`}
          >
            <pre
              data-testid="exercise-console"
              className="whitespace-pre-wrap break-words font-mono text-xs"
            >
              {result.logs.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: output lines in order, never reordered
                <span key={i} className={`block ${LEVEL_CLASS[line.level]}`}>
                  {line.text}
                </span>
              ))}
            </pre>
          </section>
        </div>
      )}
      {report && (
        <p
          data-testid="exercise-report"
          className={`mt-3 text-xs ${reported ? "text-zinc-700 dark:text-zinc-300" : "text-amber-800 dark:text-amber-300"}`}
        >
          {report}
        </p>
      )}
    </div>
  );
}
