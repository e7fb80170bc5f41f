import { formatMs } from "./format";
import { clearHistory, type HistoryEntry } from "./history";
import { HistorySummary, historyDetailsClass } from "./parts";
import { sqlOf } from "./sql-example";
import { focusRing, ghostButtonClass, mutedTextClass } from "./styles";

/** The SQL of a history entry, when it is a SQL console run. */
export function historySql(entry: Pick<HistoryEntry, "method" | "url" | "body">): string | null {
  if (!entry.body) return null;
  try {
    return sqlOf({ method: entry.method, path: entry.url, body: JSON.parse(entry.body) });
  } catch {
    return null;
  }
}

type Props = { entries: HistoryEntry[]; onLoad: (sql: string) => void };

/** Scripts run from any SQL console (newest first); one click loads one and runs it again. */
export function SqlHistory({ entries, onLoad }: Props) {
  const scripts = entries.flatMap((entry) => {
    const sql = historySql(entry);
    return sql === null ? [] : [{ entry, sql }];
  });
  return (
    <details className={historyDetailsClass}>
      <HistorySummary count={scripts.length} />
      <div className="px-2 pb-2 sm:px-3">
        {scripts.length === 0 ? (
          <p className={`px-1 py-2 ${mutedTextClass}`}>
            Nothing yet. Scripts you run from any SQL console appear here.
          </p>
        ) : (
          <>
            <ul className="max-h-64 overflow-y-auto">
              {scripts.map(({ entry, sql }) => (
                <li key={entry.id}>
                  <button
                    type="button"
                    data-testid="history-item"
                    onClick={() => onLoad(sql)}
                    title="Load into this console and run again"
                    className={`grid w-full grid-cols-[minmax(0,1fr)_auto] items-center gap-2 rounded-md px-1.5 py-1.5 text-left font-mono text-xs hover:bg-zinc-100 ${focusRing} dark:hover:bg-zinc-800/60`}
                  >
                    <span className="truncate text-zinc-800 dark:text-zinc-200">
                      <span className="sr-only">Run again: </span>
                      {sql.replace(/\s+/g, " ").trim()}
                    </span>
                    <span className="text-right tabular-nums text-zinc-600 dark:text-zinc-400">
                      {entry.status === 200 ? formatMs(entry.time) : (entry.status ?? "ERR")}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            <div className="flex justify-end pt-1">
              <button type="button" className={`${ghostButtonClass} h-7`} onClick={clearHistory}>
                Clear history
              </button>
            </div>
          </>
        )}
      </div>
    </details>
  );
}
