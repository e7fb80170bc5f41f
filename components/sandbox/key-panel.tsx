"use client";

import { useState } from "react";
import { usePageOrigin } from "@/components/ui/use-page-origin";

/**
 * The sandbox key with reveal and copy, and the curl line that uses it. The line names the origin
 * this page was loaded from (`origin`, the server's view of it by the trusted-proxy rules, until
 * the browser's own is known): the cookie that holds the sandbox belongs to that host name.
 */
export function KeyPanel({ sandboxKey, origin }: { sandboxKey: string; origin?: string }) {
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const site = usePageOrigin(origin) ?? "";
  const curl = `curl -i ${site}/api/v1/todos -H "X-Sandbox-Key: ${sandboxKey}"`;

  async function copy(text: string, what: string) {
    await navigator.clipboard.writeText(text);
    setCopied(what);
    setTimeout(() => setCopied(null), 1500);
  }

  const shown = revealed ? sandboxKey : `${sandboxKey.slice(0, 8)}${"•".repeat(24)}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="sandbox-key"
          className="min-w-0 flex-1 break-all rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          {shown}
        </code>
        <button
          type="button"
          onClick={() => setRevealed((r) => !r)}
          className="rounded-lg border border-zinc-200 px-3 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {revealed ? "Hide" : "Reveal"}
        </button>
        <button
          type="button"
          onClick={() => copy(sandboxKey, "key")}
          className="rounded-lg bg-emerald-700 px-3 py-2 text-sm font-medium text-white hover:bg-emerald-800"
        >
          {copied === "key" ? "Copied" : "Copy key"}
        </button>
      </div>
      <div>
        <p className="mb-1.5 text-sm text-zinc-600 dark:text-zinc-400">
          From a terminal, send the key in the <code className="font-mono">X-Sandbox-Key</code>{" "}
          header:
        </p>
        <div className="flex flex-col items-start gap-2 sm:flex-row">
          <pre className="w-full min-w-0 flex-1 whitespace-pre-wrap rounded-lg bg-zinc-900 px-3 py-2 font-mono [overflow-wrap:anywhere] text-[0.8125rem] text-zinc-100 dark:bg-black">
            {revealed ? curl : curl.replace(sandboxKey, shown)}
          </pre>
          <button
            type="button"
            onClick={() => copy(curl, "curl")}
            className="shrink-0 rounded-lg border border-zinc-200 px-3 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {copied === "curl" ? "Copied" : "Copy curl"}
          </button>
        </div>
      </div>
      <span aria-live="polite" className="sr-only">
        {copied ? `Copied ${copied}` : ""}
      </span>
    </div>
  );
}
