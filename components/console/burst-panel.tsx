"use client";

import { useEffect, useRef, useState } from "react";
import {
  type BurstSample,
  burstRefusal,
  MAX_BURST,
  MAX_CONCURRENCY,
  runBurst,
  summarizeBurst,
} from "./burst";
import { formatMs } from "./format";
import { Chevron, historyDetailsClass } from "./parts";
import type { Prepared } from "./request";
import { ensureSandbox } from "./sandbox";
import { focusRing, ghostButtonClass, summaryClass } from "./styles";

type Props = {
  /** The console's current request, ready to send (or why it is not). */
  prepare: () => Prepared;
};

const inputClass = `h-8 w-20 rounded-md border border-zinc-300 bg-white px-2 font-mono text-xs text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 ${focusRing}`;

/**
 * "Send N": a burst of the console's current request, charted live as the answers come in:
 * each request's status over time, p50/p95 latency, and the cache HIT ratio when responses say.
 */
export function BurstPanel({ prepare }: Props) {
  const [total, setTotal] = useState(20);
  const [concurrency, setConcurrency] = useState(5);
  const [samples, setSamples] = useState<BurstSample[]>([]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async () => {
    const prepared = prepare();
    if (!prepared.ok) return setError(prepared.error);
    const refusal = burstRefusal(prepared.request, total, concurrency);
    if (refusal) return setError(refusal);
    const sandbox = await ensureSandbox();
    if (!sandbox.ok) return setError(`Could not create your sandbox: ${sandbox.error}`);
    setError(null);
    setSamples([]);
    setRunning(true);
    const controller = new AbortController();
    abort.current = controller;
    try {
      await runBurst({
        request: prepared.request,
        total,
        concurrency,
        signal: controller.signal,
        onSample: (sample) => setSamples((all) => [...all, sample]),
      });
    } finally {
      setRunning(false);
    }
  };

  const summary = summarizeBurst(samples);
  return (
    <details className={historyDetailsClass} data-testid="burst">
      <summary className={summaryClass}>
        <Chevron />
        Send a burst
        <span className="ml-auto hidden font-normal text-zinc-600 sm:inline dark:text-zinc-400">
          this request, many times at once
        </span>
      </summary>
      <div className="space-y-3 px-3 pb-3 sm:px-4">
        <div className="flex flex-wrap items-end gap-3 text-xs text-zinc-700 dark:text-zinc-300">
          <label className="flex flex-col gap-1">
            Requests (1–{MAX_BURST})
            <input
              type="number"
              min={1}
              max={MAX_BURST}
              value={total}
              onChange={(e) => setTotal(Number(e.target.value))}
              className={inputClass}
            />
          </label>
          <label className="flex flex-col gap-1">
            In flight (1–{MAX_CONCURRENCY})
            <input
              type="number"
              min={1}
              max={MAX_CONCURRENCY}
              value={concurrency}
              onChange={(e) => setConcurrency(Number(e.target.value))}
              className={inputClass}
            />
          </label>
          {running ? (
            <button
              type="button"
              className={ghostButtonClass}
              onClick={() => abort.current?.abort()}
            >
              Stop
            </button>
          ) : (
            <button
              type="button"
              className={`${ghostButtonClass} border border-zinc-300 dark:border-zinc-700`}
              onClick={() => void start()}
            >
              Send {Number.isInteger(total) && total > 0 ? total : "N"}
            </button>
          )}
        </div>
        {error && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        {samples.length > 0 && (
          <>
            <BurstChart samples={samples} />
            <p
              aria-live="polite"
              data-testid="burst-summary"
              className="font-mono text-xs text-zinc-700 tabular-nums dark:text-zinc-300"
            >
              {summary.sent} sent{running ? " so far" : ""} · {summary.ok} ok · {summary.limited} ×
              429 · {summary.failed} other
              {summary.p50 !== undefined && ` · p50 ${formatMs(summary.p50)}`}
              {summary.p95 !== undefined && ` · p95 ${formatMs(summary.p95)}`}
              {summary.hitRatio !== undefined &&
                ` · cache HIT ${Math.round(summary.hitRatio * 100)}%`}
            </p>
            {summary.instances.length > 0 && (
              <p
                data-testid="burst-instances"
                className="font-mono text-xs text-zinc-700 tabular-nums dark:text-zinc-300"
              >
                Served by{" "}
                {summary.instances.map(({ name, count }) => `${name} ×${count}`).join(" · ")}
              </p>
            )}
          </>
        )}
      </div>
    </details>
  );
}

const ROWS = [
  { label: "2xx/3xx", test: (s: number | null) => s !== null && s < 400, fill: "fill-emerald-600" },
  { label: "429", test: (s: number | null) => s === 429, fill: "fill-amber-500" },
  {
    label: "other",
    test: (s: number | null) => s === null || (s >= 400 && s !== 429),
    fill: "fill-red-600",
  },
] as const;

/** Each request as a tick at the time it ended, in the row of its outcome. */
function BurstChart({ samples }: { samples: readonly BurstSample[] }) {
  const width = 600;
  const rowHeight = 18;
  const left = 60;
  const end = Math.max(1, ...samples.map((s) => s.at));
  const summary = summarizeBurst(samples);
  return (
    <svg
      role="img"
      aria-label={`Outcomes over time: ${summary.ok} allowed, ${summary.limited} refused with 429, ${summary.failed} other, over ${formatMs(end)}`}
      viewBox={`0 0 ${width} ${rowHeight * ROWS.length + 16}`}
      className="w-full rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950"
    >
      {ROWS.map((row, r) => (
        <g key={row.label}>
          <text
            x={6}
            y={r * rowHeight + 15}
            className="fill-zinc-700 font-mono text-[11px] dark:fill-zinc-300"
          >
            {row.label}
          </text>
          {samples
            .filter((s) => row.test(s.status))
            .map((s) => (
              <rect
                key={s.index}
                x={left + ((width - left - 8) * s.at) / end}
                y={r * rowHeight + 4}
                width={3}
                height={rowHeight - 6}
                className={row.fill}
              />
            ))}
        </g>
      ))}
      <text
        x={width - 8}
        y={rowHeight * ROWS.length + 12}
        textAnchor="end"
        className="fill-zinc-600 font-mono text-[10px] dark:fill-zinc-400"
      >
        {formatMs(end)}
      </text>
    </svg>
  );
}
