"use client";

import { useId, useRef, useState } from "react";
import { announceReset } from "./lesson-steps";

export const resetButtonClass =
  "inline-flex h-8 items-center rounded-md border border-zinc-300 bg-white px-2.5 text-xs font-medium text-zinc-800 hover:border-rose-400 hover:text-rose-800 focus-visible:outline-2 focus-visible:outline-emerald-700 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200 dark:hover:border-rose-400 dark:hover:text-rose-300 dark:focus-visible:outline-emerald-400";

const dialogButton =
  "inline-flex h-9 items-center justify-center rounded-lg px-3.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 disabled:opacity-60 dark:focus-visible:outline-emerald-400";

type Props = {
  /** The button's text; "Reset sandbox…" unless told. */
  label?: string;
  /** When set, the dialog also offers to replay this many of the lesson's steps after the reset. */
  replayCount?: number;
  /** After the reset worked: `replay` says whether the learner asked for the replay too. */
  onReset?: (replay: boolean) => void;
  disabled?: boolean;
};

async function failure(res: Response): Promise<string> {
  if (res.status === 401) {
    return "You have no sandbox yet, so there is nothing to reset: the first Send creates a fresh one.";
  }
  const problem = (await res.json().catch(() => null)) as { detail?: unknown } | null;
  return typeof problem?.detail === "string"
    ? problem.detail
    : `The reset failed (${res.status}). Try again.`;
}

/**
 * "Reset sandbox…": asks first, in a modal dialog (focus stays inside, Escape cancels), then wipes
 * the learner's lesson data and request log and reseeds it (`POST /api/sandbox/reset`, as on
 * /sandbox). Used by the lesson page and by a console whose answer differs from the lesson's.
 */
export function ResetSandboxButton({
  label = "Reset sandbox…",
  replayCount,
  onReset,
  disabled,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();

  async function reset(replay: boolean) {
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/sandbox/reset", { method: "POST", credentials: "same-origin" });
      if (!res.ok) {
        setError(await failure(res));
        return;
      }
      dialog.current?.close();
      announceReset();
      onReset?.(replay);
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={resetButtonClass}
        disabled={disabled}
        aria-haspopup="dialog"
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-sm text-zinc-800 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
      >
        <h2 id={titleId} className="text-base font-semibold text-zinc-900 dark:text-zinc-50">
          Reset your sandbox?
        </h2>
        <p id={textId} className="mt-2 leading-6">
          Everything the lessons' requests created or changed in your sandbox is deleted, with its
          request log, and the data a fresh sandbox starts with comes back. Your key and your
          progress stay.
        </p>
        {error && (
          <p role="alert" className="mt-3 text-rose-700 dark:text-rose-300">
            {error}
          </p>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button
            type="button"
            // biome-ignore lint/a11y/noAutofocus: a dialog that deletes data opens on its safe choice
            autoFocus
            className={`${dialogButton} border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800`}
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
          {!!replayCount && (
            <button
              type="button"
              disabled={pending}
              className={`${dialogButton} border border-rose-300 text-rose-800 hover:bg-rose-50 dark:border-rose-400/50 dark:text-rose-200 dark:hover:bg-rose-500/10`}
              onClick={() => void reset(true)}
            >
              Reset and replay {replayCount} {replayCount === 1 ? "step" : "steps"}
            </button>
          )}
          <button
            type="button"
            disabled={pending}
            className={`${dialogButton} bg-rose-700 text-white hover:bg-rose-800`}
            onClick={() => void reset(false)}
          >
            {pending ? "Resetting…" : "Reset sandbox"}
          </button>
        </div>
      </dialog>
    </>
  );
}
