import { useEffect, useState } from "react";
import { statusTone } from "@/components/ui/status-tone";
import { formatMs, methodTone, timeAgo } from "./format";
import type { HistoryEntry } from "./history";
import { ghostButtonClass } from "./kv-editor";
import { Chevron } from "./response-view";

type Props = {
  entries: HistoryEntry[];
  onReplay: (entry: HistoryEntry) => void;
  onClear: () => void;
};

/** Requests sent from every console (newest first); one click loads and sends one again. */
export function HistoryList({ entries, onReplay, onClear }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <details className="group border-t border-zinc-200 dark:border-zinc-800">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-xs font-medium text-zinc-600 select-none hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-emerald-500 sm:px-4 dark:text-zinc-400 dark:hover:bg-zinc-800/40 [&::-webkit-details-marker]:hidden">
        <Chevron />
        History
        <span className="rounded-full bg-zinc-100 px-1.5 font-mono text-[10px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          {entries.length}
        </span>
        <span className="ml-auto hidden font-normal text-zinc-400 sm:inline dark:text-zinc-500">
          shared by every console · click to replay
        </span>
      </summary>
      <div className="px-2 pb-2 sm:px-3">
        {entries.length === 0 ? (
          <p className="px-1 py-2 text-xs text-zinc-500 dark:text-zinc-400">
            Nothing yet. Requests you send from any lesson appear here.
          </p>
        ) : (
          <>
            <ul className="max-h-64 overflow-y-auto">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    data-testid="history-item"
                    onClick={() => onReplay(entry)}
                    title="Load into this console and send again"
                    className="grid w-full grid-cols-[3.75rem_minmax(0,1fr)_auto] items-center gap-2 rounded-md px-1.5 py-1.5 text-left font-mono text-xs hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-500 sm:grid-cols-[3.75rem_minmax(0,1fr)_auto_4.5rem_4.5rem] dark:hover:bg-zinc-800/60"
                  >
                    <span className={`font-bold ${methodTone(entry.method)}`}>
                      <span className="sr-only">Replay </span>
                      {entry.method}
                    </span>
                    <span className="truncate text-zinc-800 dark:text-zinc-200">{entry.url}</span>
                    <span className={`font-semibold ${statusTone(entry.status)}`}>
                      {entry.status ?? "ERR"}
                    </span>
                    <span className="hidden text-right tabular-nums text-zinc-500 sm:inline dark:text-zinc-400">
                      {formatMs(entry.time)}
                    </span>
                    <span className="hidden text-right font-sans text-zinc-400 sm:inline dark:text-zinc-500">
                      {timeAgo(entry.at, now)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <div className="flex justify-end pt-1">
              <button type="button" className={`${ghostButtonClass} h-7`} onClick={onClear}>
                Clear history
              </button>
            </div>
          </>
        )}
      </div>
    </details>
  );
}
