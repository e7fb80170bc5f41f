"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

const button =
  "rounded-lg border border-zinc-200 px-3 py-2 text-sm hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * The blog's public RealWorld API: its base URL (a RealWorld frontend's API root), copyable, and
 * a switch. The switch is a same-origin PUT /api/sandbox/realworld with the sandbox cookie.
 */
export function RealworldPanel({ baseUrl, enabled }: { baseUrl: string; enabled: boolean }) {
  const router = useRouter();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function copy() {
    await navigator.clipboard.writeText(baseUrl);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  async function toggle() {
    setError(null);
    const res = await fetch("/api/sandbox/realworld", {
      method: "PUT",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ enabled: !enabled }),
    });
    if (!res.ok) {
      const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
      setError(problem?.detail ?? `Could not switch it (${res.status}).`);
      return;
    }
    startTransition(() => router.refresh());
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="realworld-base-url"
          className="min-w-0 flex-1 break-all rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          {baseUrl}
        </code>
        <button
          type="button"
          onClick={copy}
          className="rounded-lg bg-emerald-700 px-3 py-2 text-sm font-medium text-white hover:bg-emerald-800"
        >
          {copied ? "Copied" : "Copy URL"}
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <p data-testid="realworld-status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {enabled ? (
            <>
              <span className="font-medium text-emerald-700 dark:text-emerald-400">On</span>: anyone
              with this address can read your published posts and register users.
            </>
          ) : (
            <>
              <span className="font-medium text-rose-700 dark:text-rose-400">Off</span>: it answers
              403 to every request.
            </>
          )}
        </p>
        <button type="button" className={button} onClick={toggle} disabled={pending}>
          {enabled ? "Switch off" : "Switch on"}
        </button>
      </div>
      <span aria-live="polite" className="sr-only">
        {copied ? "Copied the RealWorld URL" : ""}
      </span>
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </div>
  );
}
