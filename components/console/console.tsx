"use client";

import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { CopyButtons, type SnippetKind } from "./copy-buttons";
import { addHistory, clearHistory, type HistoryEntry, useHistory } from "./history";
import { HistoryList } from "./history-list";
import {
  bodyJsonError,
  type Draft,
  type KeyValue,
  methodHasBody,
  prepareRequest,
  rowsOf,
  splitPath,
} from "./request";
import { RequestEditor, type Tab } from "./request-editor";
import { type ResponseResult, ResponseView } from "./response-view";
import { shortKey, useSandboxKey } from "./sandbox";
import { toCurl, toFetch } from "./snippets";

export type ConsoleProps = {
  method?: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  title?: string;
};

function initialDraft({ method = "GET", path, query, headers, body }: ConsoleProps): Draft {
  const split = splitPath(path);
  return {
    method: method.toUpperCase(),
    path: split.path,
    query: [...split.query, ...rowsOf(query)],
    headers: rowsOf(headers),
    body: body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body, null, 2),
  };
}

function recordOf(rows: KeyValue[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]));
}

/** "⌘↵" on Apple keyboards, "Ctrl↵" elsewhere; known only after mount. */
function useSendHint(): string {
  const [hint, setHint] = useState("Ctrl ↵");
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)) setHint("⌘ ↵");
  }, []);
  return hint;
}

/**
 * A request console for a lesson's live API: edit the request, send it with the learner's
 * sandbox cookie, and see the status, body, headers and the server's own timing spans.
 */
export function Console(props: ConsoleProps) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(props));
  const [tab, setTab] = useState<Tab>(() => (methodHasBody(draft.method) ? "body" : "params"));
  const [result, setResult] = useState<ResponseResult | null>(null);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const sandbox = useSandboxKey();
  const history = useHistory();
  const sendHint = useSendHint();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const busy = useRef(false);
  const { reload } = sandbox;

  const send = useCallback(
    async (next: Draft) => {
      if (busy.current) return;
      const prepared = prepareRequest(next, window.location.origin);
      if (!prepared.ok) {
        if (prepared.field === "body") {
          setRefusal(null);
          setTab("body");
          requestAnimationFrame(() => bodyRef.current?.focus());
        } else {
          setRefusal(prepared.error);
          if (prepared.field === "headers") setTab("headers");
        }
        return;
      }
      setRefusal(null);
      busy.current = true;
      setPending(true);
      const request = prepared.request;
      // A first visit must get its sandbox cookie before the request, or it would make another.
      await reload();
      const started = performance.now();
      let status: number | null = null;
      try {
        const res = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body ?? undefined,
          credentials: "same-origin",
          cache: "no-store",
        });
        const bytes = await res.arrayBuffer();
        const time = performance.now() - started;
        status = res.status;
        setResult({
          ok: true,
          status: res.status,
          statusText: res.statusText,
          headers: [...res.headers],
          body: new TextDecoder().decode(bytes),
          size: bytes.byteLength,
          time,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setResult({ ok: false, error: message, time: performance.now() - started });
      } finally {
        busy.current = false;
        setPending(false);
      }
      addHistory({
        method: request.method,
        url: request.url,
        headers: recordOf(next.headers),
        body: methodHasBody(request.method) && next.body.trim() ? next.body : null,
        status,
        time: Math.round((performance.now() - started) * 100) / 100,
        at: Date.now(),
      });
    },
    [reload],
  );

  const replay = (entry: HistoryEntry) => {
    const split = splitPath(entry.url);
    const next: Draft = {
      method: entry.method,
      path: split.path,
      query: split.query,
      headers: rowsOf(entry.headers),
      body: entry.body ?? "",
    };
    setDraft(next);
    setTab(methodHasBody(next.method) ? "body" : next.query.length ? "params" : "params");
    void send(next);
  };

  const snippet = (kind: SnippetKind) => {
    const prepared = prepareRequest(draft, window.location.origin);
    if (!prepared.ok) return { error: prepared.error };
    const make = kind === "curl" ? toCurl : toFetch;
    return { text: make(prepared.request, window.location.origin, sandbox.key) };
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      void send(draft);
    }
  };

  const label = props.title ?? `${draft.method} ${draft.path}`;
  return (
    <section
      data-testid="console"
      aria-label={`Request console: ${label}`}
      onKeyDown={onKeyDown}
      className="not-prose my-8 overflow-hidden rounded-xl border border-zinc-200 bg-white text-sm text-zinc-900 shadow-sm shadow-zinc-950/5 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-100 dark:shadow-none"
    >
      <header className="flex items-center gap-2 border-b border-zinc-200 bg-zinc-50/80 px-3 py-2 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
        <span className="relative flex h-2 w-2 shrink-0" aria-hidden>
          <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-60 motion-reduce:hidden" />
          <span className="relative inline-flex h-2 w-2 rounded-full bg-emerald-500" />
        </span>
        <h3 className="min-w-0 truncate text-[13px] font-semibold text-zinc-800 dark:text-zinc-200">
          {props.title ?? "Try it live"}
        </h3>
        <SandboxChip sandboxKey={sandbox.key} />
      </header>
      <RequestEditor
        draft={draft}
        onChange={setDraft}
        tab={tab}
        onTab={setTab}
        onSend={() => void send(draft)}
        pending={pending}
        sendHint={sendHint}
        bodyError={bodyJsonError(draft)}
        refusal={refusal}
        bodyRef={bodyRef}
        actions={<CopyButtons snippet={snippet} onError={setRefusal} />}
      />
      <div className="border-t border-zinc-200 bg-zinc-50/40 dark:border-zinc-800 dark:bg-zinc-950/30">
        <ResponseView result={result} pending={pending} sendHint={sendHint} />
      </div>
      <HistoryList entries={history} onReplay={replay} onClear={clearHistory} />
    </section>
  );
}

function SandboxChip({ sandboxKey }: { sandboxKey: string | null | undefined }) {
  return (
    <a
      href="/sandbox"
      title="Your sandbox: its key, request log and reset"
      className="ml-auto inline-flex shrink-0 items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-0.5 font-mono text-[11px] text-zinc-600 hover:border-emerald-500 hover:text-emerald-700 focus-visible:outline-2 focus-visible:outline-emerald-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-300 dark:hover:text-emerald-300"
    >
      <svg aria-hidden viewBox="0 0 16 16" className="h-3 w-3 text-zinc-400">
        <circle cx="5.5" cy="10.5" r="3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path
          d="M7.7 8.3L13 3m-2 2l1.5 1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
        />
      </svg>
      <span className="sr-only">Your sandbox key: </span>
      {sandboxKey === undefined
        ? "sandbox…"
        : sandboxKey === null
          ? "no sandbox"
          : shortKey(sandboxKey)}
    </a>
  );
}
