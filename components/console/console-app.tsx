"use client";

import { useCallback, useEffect, useState } from "react";
import { captureValues, seenResponse } from "@/content/variables";
import { BurstPanel } from "./burst-panel";
import { CopyButtons, type SnippetKind } from "./copy-buttons";
import { type ConsoleRequest, type HeadingLevel, headingText, initialTab } from "./draft";
import type { Tab } from "./editor-parts";
import { fillDraft } from "./fill";
import { addHistory, clearHistory, type HistoryEntry, useHistory } from "./history";
import { HistoryList } from "./history-list";
import { ConsoleHeader } from "./parts";
import {
  bodyJsonError,
  bodyText,
  bodyTypeFor,
  type Draft,
  type KeyValue,
  methodHasBody,
  prepareRequest,
  row,
  rowsOf,
  splitPath,
} from "./request";
import { RequestEditor } from "./request-editor";
import { ResponseView } from "./response-view";
import { useSandboxKey } from "./sandbox";
import { toCurl, toFetch } from "./snippets";
import { StateHint } from "./state-hint";
import { responseAreaClass } from "./styles";
import { useRequestRunner } from "./use-request-runner";
import { useSandboxState } from "./use-sandbox-state";
import { saveVariables, useVariables, variableValue } from "./variables";
import { missingMessage } from "./variables-text";

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
  // The variables the last response saved, named under the status line.
  const [saved, setSaved] = useState<string[]>([]);
  const variables = useVariables();
  const runner = useRequestRunner();
  const sandboxKey = useSandboxKey();
  const history = useHistory();
  const sendHint = useSendHint();
  const sandboxState = useSandboxState(request);
  const { run } = runner;
  const { check } = sandboxState;

  const send = useCallback(
    async (next: Draft) => {
      const filled = fillDraft(next, variableValue);
      if (filled.missing.length) {
        setRefusal(missingMessage(filled.missing));
        setTab("vars");
        return;
      }
      const prepared = prepareRequest(filled.draft, window.location.origin);
      if (!prepared.ok) {
        setRefusal(prepared.error);
        if (prepared.field === "headers") setTab("headers");
        return;
      }
      setRefusal(null);
      setSaved([]);
      const sent = prepared.request;
      const at = Date.now();
      const outcome = await run(sent);
      if (!outcome) return; // Another request was still running; the console said so.
      const answered = !outcome.cancelled && outcome.status !== null;
      if (answered) {
        const found = captureValues(request.captures, seenResponse(outcome.headers, outcome.body));
        saveVariables(found, headingText(request));
        setSaved(found.map(([name]) => name));
      }
      check(
        next,
        answered && outcome.status !== null ? { ...outcome, status: outcome.status } : null,
      );
      addHistory({
        method: sent.method,
        url: sent.url,
        headers: recordOf(next.headers),
        body: methodHasBody(sent.method) && bodyText(next).trim() ? bodyText(next) : null,
        bodyType: next.bodyType,
        status: outcome.status,
        time: outcome.time,
        at,
        ...(outcome.cancelled ? { cancelled: true as const } : {}),
      });
    },
    [run, request, check],
  );

  const replay = (entry: HistoryEntry) => {
    const split = splitPath(entry.url);
    const headers = rowsOf(entry.headers);
    const bodyType =
      entry.bodyType ??
      bodyTypeFor(headers.find((h) => h.key.toLowerCase() === "content-type")?.value);
    const form = bodyType === "form" ? [...new URLSearchParams(entry.body ?? "")] : [];
    const next: Draft = {
      method: entry.method,
      path: split.path,
      query: split.query,
      headers,
      bodyType,
      body: bodyType === "form" ? "" : (entry.body ?? ""),
      form: form.map(([k, v]) => row(k, v)),
    };
    setDraft(next);
    setTab(initialTab(next));
    void send(next);
  };

  const snippet = (kind: SnippetKind) => {
    // Known variables filled in, so the snippet runs as it is; unknown ones stay as written.
    const prepared = prepareRequest(fillDraft(draft, variableValue).draft, window.location.origin);
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
        variables={variables}
      />
      <div className={responseAreaClass}>
        <ResponseView
          result={runner.result}
          pending={runner.pending}
          sendHint={sendHint}
          busyPresses={runner.busyPresses}
          onCancel={runner.cancel}
          notice={
            <>
              {saved.length > 0 && (
                <p
                  data-testid="saved-variables"
                  className="text-xs text-zinc-600 dark:text-zinc-400"
                >
                  Saved{" "}
                  {saved.map((name, i) => (
                    <span key={name}>
                      {i > 0 && ", "}
                      <span className="font-mono text-zinc-800 dark:text-zinc-200">{`{{${name}}}`}</span>
                    </span>
                  ))}{" "}
                  for later requests (see Vars).
                </p>
              )}
              <StateHint
                hint={sandboxState.hint}
                earlier={sandboxState.earlier}
                onReplay={() => void sandboxState.replay()}
                busy={runner.pending}
              />
            </>
          }
        />
      </div>
      {/* Once this console has answered: before that it is the same size as its light shell. */}
      {runner.result && (
        <BurstPanel
          prepare={() => {
            const filled = fillDraft(draft, variableValue);
            if (!filled.missing.length) return prepareRequest(filled.draft, window.location.origin);
            return { ok: false, field: "headers", error: missingMessage(filled.missing) };
          }}
        />
      )}
      <HistoryList entries={history} onReplay={replay} onClear={clearHistory} />
    </>
  );
}
