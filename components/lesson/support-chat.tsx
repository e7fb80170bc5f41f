"use client";

import "./zod-jitless";
import { useChat } from "@ai-sdk/react";
import {
  DefaultChatTransport,
  getToolName,
  isToolUIPart,
  lastAssistantMessageIsCompleteWithApprovalResponses,
  type UIMessage,
} from "ai";
import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import { ensureSandbox } from "@/components/console/sandbox";
import type { EvalReport } from "@/lib/genai-support-agent/contract";
import { SupportMarkdown } from "./support-markdown";

/** The customer the panel logs in as (the lesson's examples register her first). */
const CUSTOMER = { email: "alice@example.com", password: "correct horse battery staple" };

type Meta = { model?: string; offline?: boolean; toolMs?: Record<string, number> };
type ToolPart = Extract<UIMessage["parts"][number], { toolCallId: string }>;

const json = (value: unknown) => JSON.stringify(value, null, 2);

const STATE_LABEL: Record<string, string> = {
  "input-streaming": "asking…",
  "input-available": "running…",
  "approval-requested": "waits for your confirmation",
  "approval-responded": "answered",
  "output-available": "done",
  "output-error": "failed",
  "output-denied": "declined",
};

/** Registers the customer if needed (409: already there) and logs in: an access token. */
async function logInAsCustomer(): Promise<string> {
  const sandbox = await ensureSandbox();
  if (!sandbox.ok) throw new Error(sandbox.error);
  const post = (path: string) =>
    fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(CUSTOMER),
    });
  const registered = await post("/api/v1/auth/register");
  if (registered.status !== 201 && registered.status !== 409)
    throw new Error(`Register answered ${registered.status}`);
  const res = await post("/api/v1/auth/login");
  if (res.status !== 200) throw new Error(`Login answered ${res.status}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return accessToken;
}

/** A duration as people read it: 0.8 ms, 12 ms, 1.4 s. */
const duration = (ms: number) =>
  ms >= 1000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms >= 10
      ? `${Math.round(ms)} ms`
      : `${ms.toFixed(1)} ms`;

function ToolStep({
  part,
  ms,
  onAnswer,
}: {
  part: ToolPart;
  /** How long the tool ran on the server (the answer's metadata), once it has. */
  ms: number | undefined;
  onAnswer: (id: string, approved: boolean) => void;
}) {
  const name = getToolName(part as Parameters<typeof getToolName>[0]);
  const waiting = part.state === "approval-requested" && "approval" in part && part.approval;
  return (
    <div
      className="my-2 rounded border border-zinc-300 bg-zinc-50 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      data-testid="tool-step"
    >
      <details open={Boolean(waiting)}>
        <summary className="cursor-pointer px-3 py-1.5 font-mono">
          Tool <strong>{name}</strong>: {STATE_LABEL[part.state] ?? part.state}
          {ms !== undefined && <span data-testid="tool-duration"> in {duration(ms)}</span>}
        </summary>
        <div className="space-y-2 border-t border-zinc-300 px-3 py-2 dark:border-zinc-700">
          <div>
            <div className="text-xs font-semibold uppercase text-zinc-700 dark:text-zinc-300">
              Input
            </div>
            <pre className="overflow-x-auto whitespace-pre-wrap text-xs">{json(part.input)}</pre>
          </div>
          {"output" in part && part.output !== undefined && (
            <div>
              <div className="text-xs font-semibold uppercase text-zinc-700 dark:text-zinc-300">
                Output
              </div>
              <pre className="overflow-x-auto whitespace-pre-wrap text-xs">{json(part.output)}</pre>
            </div>
          )}
          {"errorText" in part && part.errorText && (
            <p className="text-red-800 dark:text-red-300">{part.errorText}</p>
          )}
        </div>
      </details>
      {waiting && (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-300 px-3 py-2 dark:border-zinc-700">
          <span>Open this ticket?</span>
          <button
            type="button"
            className="rounded bg-emerald-700 px-3 py-1 font-medium text-white hover:bg-emerald-800"
            onClick={() => onAnswer(waiting.id, true)}
          >
            Confirm
          </button>
          <button
            type="button"
            className="rounded border border-zinc-400 px-3 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            onClick={() => onAnswer(waiting.id, false)}
          >
            Decline
          </button>
        </div>
      )}
    </div>
  );
}

/** Pass or fail, in words and colour (the words carry it for screen readers and in greyscale). */
function Verdict({ passed }: { passed: boolean }) {
  return (
    <span
      className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-semibold ${
        passed
          ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          : "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200"
      }`}
    >
      {passed ? "Pass" : "Fail"}
    </span>
  );
}

/**
 * The evaluation set, run against the agent as the token's user (POST /api/v1/support/evals):
 * one line per question with its verdict, the tool expected and the calls made, and each fact.
 */
function EvalRunner({ token }: { token: string }) {
  const [report, setReport] = useState<EvalReport>();
  const [failure, setFailure] = useState("");
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    setFailure("");
    try {
      const res = await fetch("/api/v1/support/evals", {
        method: "POST",
        credentials: "same-origin",
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as EvalReport & { detail?: string };
      if (!res.ok) {
        setReport(undefined);
        setFailure(body.detail ?? `The evaluation answered ${res.status}`);
      } else setReport(body);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : "The evaluation failed");
    } finally {
      setRunning(false);
    }
  };
  return (
    <div className="mt-4 border-t border-zinc-300 pt-3 dark:border-zinc-700" data-testid="evals">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={run}
          disabled={!token || running}
          className="rounded border border-zinc-500 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:hover:bg-zinc-800"
        >
          {running ? "Running the evaluation set…" : "Run the evaluation set"}
        </button>
        <span className="text-xs text-zinc-700 dark:text-zinc-300">
          Each question through your agent, graded: the right tool, and the facts in the answer.
        </span>
      </div>
      {failure && (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {failure}
        </p>
      )}
      <div aria-live="polite">
        {report && (
          <>
            <p className="mt-3 text-sm font-semibold" data-testid="evals-summary">
              {report.passed} of {report.total} passed ({report.model})
            </p>
            <ol className="mt-2 space-y-2">
              {report.results.map((r) => (
                <li
                  key={r.id}
                  className="rounded border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700"
                  data-testid="eval-result"
                >
                  <div className="flex items-start gap-2">
                    <Verdict passed={r.passed} />
                    <span className="min-w-0 break-words">{r.question}</span>
                  </div>
                  {r.needs ? (
                    <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
                      Not run: {r.needs}
                    </p>
                  ) : (
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-zinc-700 dark:text-zinc-300">
                      <dt>Expected</dt>
                      <dd className="min-w-0 break-words font-mono">
                        {r.expected.tool}
                        {Object.entries(r.expected.args)
                          .map(([k, v]) => ` ${k} ${v}`)
                          .join(",")}
                        {r.expected.approval ? " (waits for confirmation)" : ""}
                      </dd>
                      <dt>Called</dt>
                      <dd className="min-w-0 break-words font-mono">
                        {r.calls.length
                          ? r.calls.map((c) => `${c.tool} ${JSON.stringify(c.input)}`).join("; ")
                          : "no tool"}
                      </dd>
                      {r.facts.length > 0 && (
                        <>
                          <dt>Facts</dt>
                          <dd className="min-w-0 break-words">
                            {r.facts.map((f) => (
                              <span key={f.fact} className="mr-2 inline-block">
                                {f.found ? "✓" : "✗"} {f.fact}
                                <span className="sr-only">{f.found ? " found" : " missing"}</span>
                              </span>
                            ))}
                          </dd>
                        </>
                      )}
                      {r.error && (
                        <>
                          <dt>Error</dt>
                          <dd>{r.error}</dd>
                        </>
                      )}
                    </dl>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}

// #region support-chat
/**
 * The support agent's chat: useChat posts the conversation to /api/v1/support/chat with the
 * access token and renders the UI message stream as it arrives — text, and each tool call as a
 * step with its input and output. A ticket waits for Confirm (the tool's needsApproval).
 */
export function SupportChat() {
  const [token, setToken] = useState("");
  const [loginError, setLoginError] = useState("");
  const [question, setQuestion] = useState("");
  const tokenRef = useRef("");
  tokenRef.current = token;
  const ids = { token: useId(), question: useId() };
  const transport = useMemo(
    () =>
      new DefaultChatTransport({
        api: "/api/v1/support/chat",
        credentials: "same-origin",
        headers: (): Record<string, string> => ({ authorization: `Bearer ${tokenRef.current}` }),
      }),
    [],
  );
  const { messages, sendMessage, regenerate, status, stop, error, addToolApprovalResponse } =
    useChat({
      transport,
      // After Confirm or Decline, the conversation goes back to the server to run (or not) the tool.
      sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
    });
  const busy = status === "submitted" || status === "streaming";
  const model = messages.map((m) => m.metadata as Meta | undefined).findLast((m) => m?.model);

  const login = async () => {
    setLoginError("");
    try {
      setToken(await logInAsCustomer());
    } catch (e) {
      setLoginError(e instanceof Error ? e.message : "Login failed");
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = question.trim();
    if (!text || busy) return;
    sendMessage({ text });
    setQuestion("");
  };

  return (
    <section
      aria-label="Support chat"
      className="not-prose my-6 rounded-lg border border-zinc-300 p-4 dark:border-zinc-700"
      data-testid="support-chat"
    >
      <div className="flex flex-wrap items-end gap-3">
        <button
          type="button"
          onClick={login}
          className="rounded bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Log in as {CUSTOMER.email}
        </button>
        <div className="min-w-0 flex-1">
          <label htmlFor={ids.token} className="block text-xs text-zinc-700 dark:text-zinc-300">
            Access token (or paste one)
          </label>
          <input
            id={ids.token}
            value={token}
            onChange={(e) => setToken(e.target.value.trim())}
            className="w-full rounded border border-zinc-400 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-950"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </div>
      {loginError && (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {loginError}
        </p>
      )}
      <p className="mt-3 text-xs text-zinc-700 dark:text-zinc-300" data-testid="chat-model">
        {model?.offline
          ? "Model: offline-rules — the built-in offline model (keyword rules and templates, not an LLM)."
          : model?.model
            ? `Model: ${model.model}`
            : "Model: chosen by the server (the built-in offline model when no AI_PROVIDER is set)."}
      </p>
      <div role="log" aria-live="polite" aria-label="Conversation" className="mt-3 space-y-3">
        {messages.map((message) => (
          <div key={message.id} data-testid={`chat-${message.role}`}>
            <div className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">
              {message.role === "user" ? "You" : "Agent"}
            </div>
            {message.parts.map((part, i) => {
              const key = `${message.id}-${i}`;
              if (part.type === "text")
                return message.role === "assistant" ? (
                  <SupportMarkdown key={key} text={part.text} />
                ) : (
                  <p key={key} className="whitespace-pre-wrap">
                    {part.text}
                  </p>
                );
              if (isToolUIPart(part))
                return (
                  <ToolStep
                    key={key}
                    part={part as ToolPart}
                    ms={(message.metadata as Meta | undefined)?.toolMs?.[part.toolCallId]}
                    onAnswer={(id, approved) => addToolApprovalResponse({ id, approved })}
                  />
                );
              return null;
            })}
          </div>
        ))}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {error.message.slice(0, 400)}
        </p>
      )}
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={ids.question} className="block text-xs text-zinc-700 dark:text-zinc-300">
            Your question
          </label>
          <input
            id={ids.question}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            maxLength={2000}
            placeholder="Where is my order?"
            className="w-full rounded border border-zinc-400 bg-white px-2 py-1.5 dark:border-zinc-600 dark:bg-zinc-950"
          />
        </div>
        {busy ? (
          <button
            type="button"
            onClick={() => stop()}
            className="rounded border border-zinc-400 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            Stop
          </button>
        ) : (
          <>
            <button
              type="submit"
              disabled={!token}
              className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
            >
              Ask
            </button>
            {/* The last question again, in place of its answer (or of the error it ended in). */}
            {token && (error || messages.at(-1)?.role === "assistant") && (
              <button
                type="button"
                onClick={() => regenerate()}
                className="rounded border border-zinc-400 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                Retry
              </button>
            )}
          </>
        )}
      </form>
      {!token && (
        <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
          Log in first: the agent acts as the user of the token.
        </p>
      )}
      <EvalRunner token={token} />
    </section>
  );
}
// #endregion
