import type { ReactNode } from "react";
import { statusDot, statusTone } from "@/components/ui/status-tone";
import { formatBytes, formatMs, reasonPhrase } from "./format";
import { highlightJson } from "./json-view";
import { Chevron, ResponseFrame, SendHintText } from "./parts";
import { problemLink } from "./problem-link";
import { isJsonType } from "./request";
import { layoutTimeline, parseServerTiming } from "./server-timing";
import { focusRing, ghostButtonClass } from "./styles";
import { TimingTimeline } from "./timing-timeline";

export type ResponseResult =
  | {
      ok: true;
      status: number;
      statusText: string;
      headers: [string, string][];
      body: string;
      size: number;
      time: number;
    }
  | { ok: false; error: string; time: number; cancelled?: boolean };

type Props = {
  result: ResponseResult | null;
  pending: boolean;
  sendHint: string;
  /** How many times Send was pressed while this request ran (0: not once). */
  busyPresses: number;
  onCancel: () => void;
  /** Under the status line: what the console says about the answer (see `state-hint.tsx`). */
  notice?: ReactNode;
};

export function ResponseView({ result, pending, sendHint, busyPresses, onCancel, notice }: Props) {
  const status = pending ? (
    <>
      <span className="inline-flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
        <span
          aria-hidden
          className="h-3 w-3 animate-spin rounded-full border-2 border-zinc-300 border-t-emerald-700 dark:border-zinc-600 dark:border-t-emerald-400"
        />
        Sending…
      </span>
      {busyPresses > 0 && (
        <span
          key={busyPresses}
          data-testid="busy-notice"
          className="text-xs font-medium text-amber-800 dark:text-amber-300"
        >
          Still waiting for this request: Send works again when it ends, or press Cancel.
        </span>
      )}
    </>
  ) : result === null ? (
    <SendHintText hint={sendHint} />
  ) : (
    <StatusLine result={result} />
  );
  const cancel = pending && (
    <button
      type="button"
      data-control="cancel"
      onClick={onCancel}
      className={`${ghostButtonClass} h-7 border border-zinc-300 dark:border-zinc-700`}
    >
      Cancel
    </button>
  );
  return (
    <ResponseFrame live status={status} action={cancel} notice={notice}>
      {result?.ok && <ResponseDetails result={result} stale={pending} />}
    </ResponseFrame>
  );
}

function StatusLine({ result }: { result: ResponseResult }) {
  if (!result.ok) {
    return (
      <>
        <span
          data-testid="response-status"
          className={`font-semibold ${result.cancelled ? "text-zinc-700 dark:text-zinc-300" : "text-red-700 dark:text-red-400"}`}
        >
          {result.cancelled ? "Cancelled" : "Network error"}
        </span>
        <span className="text-zinc-600 dark:text-zinc-300">
          {result.cancelled
            ? `after ${formatMs(result.time)}, before the response arrived`
            : result.error}
        </span>
      </>
    );
  }
  const reason = reasonPhrase(result.status, result.statusText);
  return (
    <>
      <span className="inline-flex items-center gap-2">
        <span aria-hidden className={`h-2 w-2 rounded-full ${statusDot(result.status)}`} />
        <span
          data-testid="response-status"
          className={`font-mono font-semibold ${statusTone(result.status)}`}
        >
          {result.status}
          {reason && ` ${reason}`}
        </span>
      </span>
      <Meta label="Time" value={formatMs(result.time)} />
      <Meta label="Size" value={formatBytes(result.size)} />
    </>
  );
}

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <span className="text-xs text-zinc-600 dark:text-zinc-400">
      {label}{" "}
      <span className="font-mono tabular-nums text-zinc-800 dark:text-zinc-200">{value}</span>
    </span>
  );
}

type Success = Extract<ResponseResult, { ok: true }>;

function header(result: Success, name: string): string | undefined {
  return result.headers.find(([k]) => k === name)?.[1];
}

/** While the next request runs, the last response stays readable (full contrast), marked stale. */
function ResponseDetails({ result, stale }: { result: Success; stale: boolean }) {
  const contentType = header(result, "content-type") ?? "";
  const timeline = layoutTimeline(parseServerTiming(header(result, "server-timing")));
  let json: unknown;
  let pretty: string | null = null;
  if (isJsonType(contentType) && result.body) {
    try {
      json = JSON.parse(result.body);
      pretty = JSON.stringify(json, null, 2);
    } catch {
      // Declared JSON but is not: show it raw.
    }
  }
  return (
    <div
      aria-busy={stale || undefined}
      data-stale={stale || undefined}
      className={`space-y-3 ${stale ? "border-l-2 border-dashed border-zinc-300 pl-2.5 dark:border-zinc-600" : ""}`}
    >
      {stale && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          The last response, until the new one arrives:
        </p>
      )}
      {contentType.includes("problem+json") && <ProblemNote problem={json} />}
      {timeline && <TimingTimeline timeline={timeline} clientTime={result.time} />}
      <div>
        <div className="mb-1 flex items-baseline justify-between gap-3 text-xs text-zinc-600 dark:text-zinc-400">
          <span className="font-medium text-zinc-700 dark:text-zinc-300">Body</span>
          {contentType && <span className="truncate font-mono">{contentType}</span>}
        </div>
        <pre
          data-testid="response-body"
          hidden={!result.body}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          tabIndex={0}
          className={`max-h-96 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-[12.5px] leading-5 [overflow-wrap:anywhere] whitespace-pre-wrap text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200 ${focusRing}`}
        >
          {pretty !== null ? highlightJson(pretty) : result.body}
        </pre>
        {!result.body && (
          <p className="rounded-lg border border-dashed border-zinc-200 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            No body
            {result.status === 204 || result.status === 304
              ? ` — a ${result.status} never has one.`
              : "."}
          </p>
        )}
      </div>
      <details className="group rounded-lg border border-zinc-200 dark:border-zinc-800">
        <summary
          className={`flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-xs font-medium text-zinc-700 select-none hover:bg-zinc-50 dark:text-zinc-300 dark:hover:bg-zinc-800/50 [&::-webkit-details-marker]:hidden ${focusRing}`}
        >
          <Chevron />
          Response headers
          <span className="rounded-full bg-zinc-100 px-1.5 font-mono text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            {result.headers.length}
          </span>
        </summary>
        <div className="overflow-x-auto border-t border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left font-mono text-xs">
            <caption className="sr-only">Response headers</caption>
            <tbody>
              {result.headers.map(([name, value], i) => (
                <tr
                  // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat (set-cookie)
                  key={`${name}-${i}`}
                  className="border-b border-zinc-100 last:border-0 dark:border-zinc-800/60"
                >
                  <th
                    scope="row"
                    className="w-0 px-3 py-1.5 align-top font-medium whitespace-nowrap text-zinc-600 dark:text-zinc-400"
                  >
                    {name}
                  </th>
                  <td className="px-3 py-1.5 break-all text-zinc-800 dark:text-zinc-200">
                    {value}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

type FieldError = { in?: unknown; field?: unknown; message?: unknown };

/** The RFC 9457 problem, read for humans, with a link to the lesson section that explains it. */
function ProblemNote({ problem }: { problem: unknown }) {
  if (typeof problem !== "object" || problem === null) return null;
  const { title, detail, type, errors } = problem as Record<string, unknown>;
  if (typeof title !== "string") return null;
  const fieldErrors = Array.isArray(errors) ? (errors as FieldError[]) : [];
  // Responses exist only in the browser, so the page's origin is known here.
  const link = problemLink(type, window.location.origin);
  return (
    <div
      data-testid="problem"
      className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-xs text-amber-950 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-100"
    >
      <p className="font-semibold">{title}</p>
      {typeof detail === "string" && (
        <p className="mt-0.5 text-amber-900 dark:text-amber-200/90">{detail}</p>
      )}
      {fieldErrors.length > 0 && (
        <ul className="mt-1.5 space-y-0.5">
          {fieldErrors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is static per response
            <li key={i} className="font-mono">
              <span className="text-amber-700 dark:text-amber-300">
                {String(e.in ?? "")}
                {e.in ? "." : ""}
                {String(e.field ?? "")}
              </span>{" "}
              {String(e.message ?? "")}
            </li>
          ))}
        </ul>
      )}
      {link && (
        <a
          href={link}
          className="mt-1.5 inline-block font-medium text-amber-800 underline decoration-amber-400 underline-offset-2 hover:decoration-2 dark:text-amber-200"
        >
          Why this happens →
        </a>
      )}
    </div>
  );
}
