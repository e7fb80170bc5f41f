"use client";

import { useEffect, useState } from "react";
import { CheckIcon, CopyIcon } from "@/components/console/parts";
import { writeClipboard } from "./clipboard";

type Props = {
  /** What to copy, read at the click; may wait (for the learner's sandbox). Throw to refuse. */
  text: () => string | Promise<string>;
  /** Said after "Copy" to screen readers: what is copied ("code", "commands"). */
  what: string;
  className?: string;
};

type State = { kind: "idle" } | { kind: "copied" } | { kind: "failed"; reason: string };

const FEEDBACK_MS = 2000;

/**
 * A Copy button that says, on screen and to screen readers, that it copied, or why it did not.
 * Text rather than an icon alone, so its name is what it shows.
 */
export function CopyButton({ text, what, className = "" }: Props) {
  const [state, setState] = useState<State>({ kind: "idle" });
  useEffect(() => {
    if (state.kind === "idle") return;
    const timer = setTimeout(() => setState({ kind: "idle" }), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await writeClipboard(await text());
      setState({ kind: "copied" });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setState({ kind: "failed", reason });
    }
  }

  const tone =
    state.kind === "copied"
      ? "text-emerald-800 dark:text-emerald-300"
      : state.kind === "failed"
        ? "text-rose-700 dark:text-rose-300"
        : "text-zinc-700 dark:text-zinc-200";
  return (
    <>
      <button
        type="button"
        onClick={copy}
        data-copy-state={state.kind}
        title={state.kind === "failed" ? state.reason : undefined}
        className={`inline-flex h-7 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 text-xs font-medium shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-700 dark:border-zinc-600 dark:bg-zinc-800 dark:hover:bg-zinc-700 dark:focus-visible:outline-emerald-400 ${tone} ${className}`}
      >
        {state.kind === "copied" ? <CheckIcon /> : <CopyIcon />}
        {state.kind === "copied" ? (
          "Copied"
        ) : state.kind === "failed" ? (
          "Not copied"
        ) : (
          <>
            Copy<span className="sr-only"> {what}</span>
          </>
        )}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {state.kind === "copied"
          ? `Copied the ${what} to the clipboard`
          : state.kind === "failed"
            ? `Could not copy the ${what}: ${state.reason}`
            : ""}
      </span>
    </>
  );
}
