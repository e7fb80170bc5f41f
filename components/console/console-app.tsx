"use client";

import { useCallback, useEffect, useState } from "react";
import { CopyButtons, type SnippetKind } from "./copy-buttons";
import { type ConsoleRequest, type HeadingLevel, headingText, initialTab } from "./draft";
import type { Tab } from "./editor-parts";
import { addHistory, clearHistory, type HistoryEntry, useHistory } from "./history";
import { HistoryList } from "./history-list";
import { ConsoleHeader } from "./parts";
import {
  bodyJsonError,
  type Draft,
  type KeyValue,
  methodHasBody,
  prepareRequest,
  rowsOf,
  splitPath,
} from "./request";
import { RequestEditor } from "./request-editor";
import { ResponseView } from "./response-view";
import { exampleWords, fillPlaceholders, rememberResponse } from "./responses";
import { useSandboxKey } from "./sandbox";
import { toCurl, toFetch } from "./snippets";
import { responseAreaClass } from "./styles";
import { useRequestRunner } from "./use-request-runner";

export type ConsoleAppProps = {
  request: ConsoleRequest;
  /** Where to start: the lesson's request, with whatever the learner already typed in the shell. */
  draft: Draft;
  headingLevel: HeadingLevel;
};

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
 * The interactive request console, loaded when its shell comes near the viewport or is used: edit
 * the request, send it with the learner's sandbox cookie, cancel it, and see the status, body,
 * headers and the server's own timing spans.
 */
export function ConsoleApp({ request, draft: initial, headingLevel }: ConsoleAppProps) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [tab, setTab] = useState<Tab>(() => initialTab(initial));
  const [refusal, setRefusal] = useState<string | null>(null);
  const runner = useRequestRunner();
  const sandboxKey = useSandboxKey();
  const history = useHistory();
  const sendHint = useSendHint();
  const { run } = runner;

  const send = useCallback(
    async (next: Draft) => {
      const filled = fillPlaceholders(next);
      if (!filled.ok) {
        setRefusal(
          `This request sends the ${filled.header} of the response to "${exampleWords(filled.missing)}" earlier on this page. Send that one first, or replace {{${filled.missing}.${filled.header}}} with a value of your own.`,
        );
        setTab("headers");
        return;
      }
      const prepared = prepareRequest(filled.draft, window.location.origin);
      if (!prepared.ok) {
        setRefusal(prepared.error);
        if (prepared.field === "headers") setTab("headers");
        return;
      }
      setRefusal(null);
      const sent = prepared.request;
      const at = Date.now();
      const outcome = await run(sent);
      if (!outcome) return; // Another request was still running; the console said so.
      if (!outcome.cancelled && outcome.status !== null)
        rememberResponse(request.name, outcome.headers);
      addHistory({
        method: sent.method,
        url: sent.url,
        headers: recordOf(next.headers),
        body: methodHasBody(sent.method) && next.body.trim() ? next.body : null,
        status: outcome.status,
        time: outcome.time,
        at,
        ...(outcome.cancelled ? { cancelled: true as const } : {}),
      });
    },
    [run, request.name],
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
    setTab(initialTab(next));
    void send(next);
  };

  const snippet = (kind: SnippetKind) => {
    const prepared = prepareRequest(draft, window.location.origin);
    if (!prepared.ok) return { error: prepared.error };
    const make = kind === "curl" ? toCurl : toFetch;
    return { text: make(prepared.request, window.location.origin, sandboxKey) };
  };

  const problem =
    refusal ?? (runner.sandboxError && `Could not create your sandbox: ${runner.sandboxError}`);
  return (
    <>
      <ConsoleHeader
        title={headingText(request)}
        headingLevel={headingLevel}
        sandboxKey={sandboxKey}
      />
      <RequestEditor
        draft={draft}
        onChange={setDraft}
        tab={tab}
        onTab={setTab}
        onSend={() => void send(draft)}
        pending={runner.pending}
        sendHint={sendHint}
        bodyError={bodyJsonError(draft)}
        refusal={problem}
        actions={<CopyButtons snippet={snippet} onError={setRefusal} />}
      />
      <div className={responseAreaClass}>
        <ResponseView
          result={runner.result}
          pending={runner.pending}
          sendHint={sendHint}
          busyPresses={runner.busyPresses}
          onCancel={runner.cancel}
        />
      </div>
      <HistoryList entries={history} onReplay={replay} onClear={clearHistory} />
    </>
  );
}
