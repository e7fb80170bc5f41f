"use client";

import { useEffect, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";

type State =
  | { kind: "loading" }
  | { kind: "none" }
  | { kind: "shown"; baseUrl: string; enabled: boolean }
  | { kind: "failed"; detail: string };

/**
 * The learner's RealWorld base URL, read from GET /api/sandbox (this site's cookie), with a Copy
 * button: what a RealWorld frontend wants as its API root. Nothing is created by reading it.
 */
export function RealworldAddress() {
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    let live = true;
    (async () => {
      const res = await fetch("/api/sandbox", { credentials: "same-origin" });
      const body = (await res.json().catch(() => null)) as {
        realworldBaseUrl?: string;
        realworldEnabled?: boolean;
        detail?: string;
      } | null;
      if (!live) return;
      if (res.status === 404) setState({ kind: "none" });
      else if (res.ok && body?.realworldBaseUrl)
        setState({
          kind: "shown",
          baseUrl: body.realworldBaseUrl,
          enabled: body.realworldEnabled ?? true,
        });
      else setState({ kind: "failed", detail: body?.detail ?? `status ${res.status}` });
    })().catch((error: unknown) => {
      if (live) setState({ kind: "failed", detail: String(error) });
    });
    return () => {
      live = false;
    };
  }, []);

  if (state.kind === "loading")
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">Reading your sandbox…</p>;
  if (state.kind === "none")
    return (
      <p className="rounded-lg border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
        You have no sandbox yet: send any request from a console on this page (or open{" "}
        <a className="text-emerald-700 underline dark:text-emerald-400" href="/sandbox">
          your sandbox page
        </a>
        ), then reload to see your blog&apos;s RealWorld address here.
      </p>
    );
  if (state.kind === "failed")
    return (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        Could not read your sandbox ({state.detail}). Your address is also on /sandbox.
      </p>
    );
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="realworld-address"
          className="min-w-0 flex-1 break-all rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          {state.baseUrl}
        </code>
        <CopyButton text={() => state.baseUrl} what="RealWorld address" />
      </div>
      {!state.enabled && (
        <p className="text-sm text-rose-700 dark:text-rose-300">
          It is switched off: every request to it is refused with 403 until you switch it on at
          /sandbox.
        </p>
      )}
    </div>
  );
}
