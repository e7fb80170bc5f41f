"use client";

import { useEffect, useId, useRef, useState } from "react";
import { writeClipboard } from "@/components/ui/clipboard";
import type { HeadingLevel } from "./draft";
import { problemDetail } from "./expect";
import { formatMs } from "./format";
import { addHistory, useHistory } from "./history";
import { CheckIcon, ConsoleHeader, ResponseFrame } from "./parts";
import { ensureSandbox, useSandboxKey } from "./sandbox";
import { toCurl } from "./snippets";
import { SqlEditor } from "./sql-editor";
import { SQL_PATH, type SqlAnswer } from "./sql-example";
import { lineColumn } from "./sql-highlight";
import { SqlHistory } from "./sql-history";
import { CopyCurlButton, RunButton, RunHintText, sqlToolbarClass } from "./sql-parts";
import { SqlResultView } from "./sql-results";
import { formClass, responseAreaClass } from "./styles";

export type SqlConsoleAppProps = {
  lessonSql: string;
  /** Where to start: the lesson's script with whatever the learner typed in the shell. */
  script: string;
  title: string;
  headingLevel: HeadingLevel;
};

type Outcome =
  | { kind: "answer"; script: string; answer: SqlAnswer; time: number }
  | { kind: "problem"; message: string };

const JSON_HEADERS: [string, string][] = [["Content-Type", "application/json"]];

function useRunHint(): string {
  const [hint, setHint] = useState("Ctrl ↵");
  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)) setHint("⌘ ↵");
  }, []);
  return hint;
}

function isAnswer(data: unknown): data is SqlAnswer {
  return (
    typeof data === "object" &&
    data !== null &&
    Array.isArray((data as { results?: unknown }).results)
  );
}

function summary(outcome: Outcome): string {
  if (outcome.kind === "problem") return outcome.message;
  const { results } = outcome.answer;
  const failed = results.findIndex((r) => r.error);
  const ran = `${results.length} ${results.length === 1 ? "statement" : "statements"}`;
  if (failed === -1) return `${ran} ran in ${formatMs(outcome.time)}, then rolled back.`;
  const at = results[failed]?.error?.position ?? results[failed]?.position;
  const where = at ? `, at line ${lineColumn(outcome.script, at).line}` : "";
  return `Statement ${failed + 1} failed${where}; nothing after it ran.`;
}

/**
 * The interactive SQL console: edit the script, run it with Ctrl/⌘+Enter, and see one result per
 * statement. Runs go in the shared console history (as `POST /api/v1/sql`), so a script can be
 * loaded again from any SQL console.
 */
export function SqlConsoleApp({
  lessonSql,
  script: initial,
  title,
  headingLevel,
}: SqlConsoleAppProps) {
  const [script, setScript] = useState(initial);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const hint = useRunHint();
  const sandboxKey = useSandboxKey();
  const history = useHistory();

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const run = async (sql: string) => {
    if (pending) return;
    setPending(true);
    setNote(null);
    const at = Date.now();
    const started = performance.now();
    let status: number | null = null;
    try {
      const sandbox = await ensureSandbox();
      if (!sandbox.ok) {
        setOutcome({ kind: "problem", message: `Could not create your sandbox: ${sandbox.error}` });
        return;
      }
      const res = await fetch(SQL_PATH, {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify({ sql }),
        credentials: "same-origin",
        cache: "no-store",
      });
      status = res.status;
      const text = await res.text();
      const time = performance.now() - started;
      let data: unknown = null;
      try {
        data = JSON.parse(text);
      } catch {}
      if (res.ok && isAnswer(data)) setOutcome({ kind: "answer", script: sql, answer: data, time });
      else {
        const detail = problemDetail({ status: res.status, headers: [...res.headers], body: text });
        setOutcome({
          kind: "problem",
          message: `${res.status}: ${detail ?? "the script did not run"}`,
        });
      }
    } catch (error) {
      setOutcome({
        kind: "problem",
        message: `The request failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setPending(false);
      addHistory({
        method: "POST",
        url: SQL_PATH,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sql }),
        bodyType: "json",
        status,
        time: performance.now() - started,
        at,
      });
    }
  };

  const showError = (position: number) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(position - 1, position);
  };

  const copyCurl = async () => {
    const text = toCurl(
      {
        method: "POST",
        url: SQL_PATH,
        headers: JSON_HEADERS,
        body: JSON.stringify({ sql: script }),
      },
      window.location.origin,
      sandboxKey,
    );
    try {
      await writeClipboard(text);
      setCopied(true);
      setNote(null);
    } catch {
      setNote("The browser refused access to the clipboard.");
    }
  };

  // The error is marked in the editor while the script is the one that failed.
  const answer = outcome?.kind === "answer" ? outcome : null;
  const failed = answer?.answer.results.find((r) => r.error);
  const errorAt =
    failed && answer?.script === script ? (failed.error?.position ?? failed.position) : null;

  return (
    <>
      <ConsoleHeader title={title} headingLevel={headingLevel} sandboxKey={sandboxKey} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Ctrl/⌘+Enter anywhere in the editor runs, as in the request console */}
      <div
        className={`${formClass} pb-3`}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void run(script);
          }
        }}
      >
        <SqlEditor
          script={script}
          onChange={setScript}
          errorAt={errorAt}
          describedBy={errorAt !== null ? errorId : undefined}
          textareaRef={area}
        />
        <div className={sqlToolbarClass}>
          <RunButton hint={hint} busy={pending} onClick={() => void run(script)} />
          {script !== lessonSql && (
            <button
              type="button"
              onClick={() => setScript(lessonSql)}
              className="text-xs font-medium text-zinc-700 underline hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white"
            >
              Back to the lesson's script
            </button>
          )}
          <span className="ml-auto" />
          <span role="status" className="sr-only">
            {copied && "The curl command is on your clipboard"}
          </span>
          <CopyCurlButton onClick={() => void copyCurl()}>
            {copied ? <CheckIcon /> : undefined}
            {copied ? "Copied" : undefined}
          </CopyCurlButton>
        </div>
        {note && <p className="m-0 text-xs text-red-800 dark:text-red-300">{note}</p>}
      </div>
      <div className={responseAreaClass}>
        <ResponseFrame
          live
          status={
            pending ? (
              <span className="text-zinc-600 dark:text-zinc-400">Running…</span>
            ) : outcome ? (
              <span
                data-testid="sql-summary"
                className={
                  outcome.kind === "problem" || failed
                    ? "text-red-800 dark:text-red-300"
                    : "text-zinc-700 dark:text-zinc-300"
                }
              >
                {summary(outcome)}
              </span>
            ) : (
              <RunHintText hint={hint} />
            )
          }
        >
          {answer && (
            <div className="space-y-4">
              {answer.answer.results.map((result, i) => (
                <SqlResultView
                  // biome-ignore lint/suspicious/noArrayIndexKey: one result per statement, in order
                  key={i}
                  result={result}
                  index={i}
                  script={answer.script}
                  errorId={result.error ? errorId : undefined}
                  onShowError={answer.script === script ? showError : undefined}
                />
              ))}
            </div>
          )}
        </ResponseFrame>
      </div>
      <SqlHistory
        entries={history}
        onLoad={(sql) => {
          setScript(sql);
          void run(sql);
        }}
      />
    </>
  );
}
