import { useEffect, useState } from "react";
import { statusTone } from "@/components/ui/status-tone";
import { formatMs, timeAgo } from "./format";
import type { HistoryEntry } from "./history";
import { HistorySummary, historyDetailsClass } from "./parts";
import { focusRing, ghostButtonClass, methodTone, mutedTextClass } from "./styles";

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
    <details className={historyDetailsClass}>
      <HistorySummary count={entries.length} />
      <div className="px-2 pb-2 sm:px-3">
        {entries.length === 0 ? (
          <p className={`px-1 py-2 ${mutedTextClass}`}>
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
                    className={`grid w-full grid-cols-[3.75rem_minmax(0,1fr)_auto] items-center gap-2 rounded-md px-1.5 py-1.5 text-left font-mono text-xs hover:bg-zinc-100 ${focusRing} sm:grid-cols-[3.75rem_minmax(0,1fr)_auto_4.5rem_4.5rem] dark:hover:bg-zinc-800/60`}
                  >
                    <span className={`font-bold ${methodTone(entry.method)}`}>
                      <span className="sr-only">Replay </span>
                      {entry.method}
                    </span>
                    <span className="truncate text-zinc-800 dark:text-zinc-200">{entry.url}</span>
                    <span
                      className={`font-semibold ${entry.cancelled ? "text-zinc-600 dark:text-zinc-400" : statusTone(entry.status)}`}
                    >
                      {entry.status ?? (entry.cancelled ? "cancelled" : "ERR")}
                    </span>
                    <span className="hidden text-right tabular-nums text-zinc-600 sm:inline dark:text-zinc-400">
                      {formatMs(entry.time)}
                    </span>
                    <span className="hidden text-right font-sans text-zinc-600 sm:inline dark:text-zinc-400">
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
