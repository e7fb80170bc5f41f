"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { clearVariables } from "@/components/console/variables";

const button =
  "rounded-lg border border-zinc-200 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Creates the sandbox for a visitor who has none yet. */
export function CreateSandbox() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  async function create() {
    const res = await fetch("/api/sandbox", { method: "POST", credentials: "same-origin" });
    if (!res.ok) {
      const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
      setError(problem?.detail ?? `Could not create a sandbox (${res.status}).`);
      return;
    }
    startTransition(() => router.refresh());
  }
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={create}
        disabled={pending}
        className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800"
      >
        Create my sandbox
      </button>
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function RefreshLog() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={button}
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
    >
      {pending ? "Refreshing…" : "Refresh"}
    </button>
  );
}

/** Wipes the sandbox's lesson data and log after a confirmation, then reseeds it. */
export function ResetSandbox() {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  async function reset() {
    const res = await fetch("/api/sandbox/reset", { method: "POST", credentials: "same-origin" });
    if (res.ok) await clearVariables();
    setConfirming(false);
    setStatus(res.ok ? "Sandbox reset: your data is back to the starting seed." : "Reset failed.");
    startTransition(() => router.refresh());
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span className="text-sm text-zinc-700 dark:text-zinc-300">
            Delete all your lesson data and the request log?
          </span>
          <button
            type="button"
            onClick={reset}
            disabled={pending}
            className="rounded-lg bg-rose-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-700"
          >
            Yes, reset
          </button>
          <button type="button" className={button} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className={button} onClick={() => setConfirming(true)}>
          Reset sandbox
        </button>
      )}
      <p aria-live="polite" className="w-full text-sm text-emerald-700 dark:text-emerald-400">
        {status}
      </p>
    </div>
  );
}
