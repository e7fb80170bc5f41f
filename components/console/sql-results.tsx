import { useState } from "react";
import { formatMs } from "./format";
import type { SqlColumn, SqlResult } from "./sql-example";
import { lineColumn } from "./sql-highlight";
import { PlanTree } from "./sql-plan";
import { focusRing } from "./styles";

/** One result per statement: a table, a plan tree, a command tag or an error. */

const NUMERIC =
  /^(int[248]?|integer|smallint|bigint|numeric|decimal|real|float[48]?|double precision|oid|money)$/i;
const LONG = 80;

export const isNumericColumn = (column: SqlColumn) => NUMERIC.test(column.type);

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function Cell({ value }: { value: unknown }) {
  const [whole, setWhole] = useState(false);
  if (value === null || value === undefined)
    return (
      <span
        data-testid="sql-null"
        className="rounded bg-zinc-200 px-1 font-sans text-[10px] font-semibold tracking-wide text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200"
      >
        NULL
      </span>
    );
  const shown = text(value);
  if (shown.length <= LONG) return <>{shown}</>;
  return (
    <>
      <span className={whole ? "whitespace-pre-wrap break-words" : undefined}>
        {whole ? shown : `${shown.slice(0, LONG)}…`}
      </span>{" "}
      <button
        type="button"
        onClick={() => setWhole(!whole)}
        aria-expanded={whole}
        className={`rounded px-1 font-sans text-[11px] font-medium text-emerald-800 underline hover:text-emerald-950 dark:text-emerald-300 ${focusRing}`}
      >
        {whole ? "less" : `all ${shown.length} characters`}
      </button>
    </>
  );
}

function ResultTable({ result, index }: { result: SqlResult; index: number }) {
  const right = result.columns.map(isNumericColumn);
  return (
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      aria-label={`Rows of statement ${index + 1}`}
      className={`max-h-96 overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800 ${focusRing}`}
    >
      <table data-testid="sql-table" className="w-full border-collapse font-mono text-xs">
        <thead className="sticky top-0 bg-zinc-100 dark:bg-zinc-800">
          <tr>
            {result.columns.map((column, i) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: two columns may share a name
                key={i}
                scope="col"
                className={`border-b border-zinc-200 px-2 py-1 align-bottom font-semibold whitespace-nowrap dark:border-zinc-700 ${right[i] ? "text-right" : "text-left"}`}
              >
                <span className="text-zinc-900 dark:text-zinc-100">{column.name}</span>{" "}
                <span className="font-normal text-zinc-600 dark:text-zinc-400">{column.type}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, r) => (
            <tr
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are shown in the order they came
              key={r}
              className="odd:bg-white even:bg-zinc-50 dark:odd:bg-transparent dark:even:bg-zinc-900/60"
            >
              {row.map((value, c) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: one cell per column
                  key={c}
                  className={`border-b border-zinc-100 px-2 py-1 align-top text-zinc-800 dark:border-zinc-800 dark:text-zinc-200 ${right[c] ? "text-right tabular-nums" : "text-left"}`}
                >
                  <Cell value={value} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {result.rows.length === 0 && (
        <p className="px-2 py-1.5 text-xs text-zinc-600 dark:text-zinc-400">(no rows)</p>
      )}
    </section>
  );
}

/** "line 3, column 8" of a 1-based position in the script. */
export function whereIn(script: string, position: number): string {
  const { line, column } = lineColumn(script, position);
  return `line ${line}, column ${column}`;
}

const rowsWord = (n: number) => (n === 1 ? "1 row" : `${n.toLocaleString("en-US")} rows`);

type Props = {
  result: SqlResult;
  index: number;
  /** The script as it was run, to turn positions into lines and columns. */
  script: string;
  errorId?: string;
  onShowError?: (position: number) => void;
};

export function SqlResultView({ result, index, script, errorId, onShowError }: Props) {
  const first = result.statement.trim().split("\n")[0] ?? "";
  const errorAt = result.error ? (result.error.position ?? result.position) : null;
  return (
    <section
      data-testid="sql-result"
      aria-label={`Statement ${index + 1}: ${result.command || "error"}`}
      className="space-y-1.5"
    >
      <div className="m-0 flex flex-wrap items-baseline gap-x-2 text-xs font-normal text-zinc-600 dark:text-zinc-400">
        <span className="font-mono font-semibold text-zinc-900 dark:text-zinc-100">
          {index + 1}. {result.command || "—"}
        </span>
        <span className="min-w-0 max-w-full truncate font-mono">{first}</span>
        <span className="ml-auto tabular-nums">
          {result.rowCount !== null && !result.error && <>{rowsWord(result.rowCount)} · </>}
          {formatMs(result.durationMs)}
        </span>
      </div>
      {result.error ? (
        <div
          id={errorId}
          data-testid="sql-error"
          className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-[13px] text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100"
        >
          <p className="m-0 font-medium">
            {result.error.message}
            {result.error.code && (
              <span className="ml-2 font-mono text-xs font-normal">({result.error.code})</span>
            )}
          </p>
          {errorAt !== null && (
            <p className="m-0 mt-1 text-xs">
              At <span data-testid="sql-error-where">{whereIn(script, errorAt)}</span>{" "}
              {onShowError && (
                <button
                  type="button"
                  onClick={() => onShowError(errorAt)}
                  className={`rounded px-1 font-medium underline ${focusRing}`}
                >
                  Show in the editor
                </button>
              )}
            </p>
          )}
        </div>
      ) : result.plan ? (
        <PlanTree plan={result.plan} label={`Plan of statement ${index + 1}`} />
      ) : result.columns.length > 0 ? (
        <>
          <ResultTable result={result} index={index} />
          {result.truncated && (
            <p
              data-testid="sql-truncated"
              className="m-0 text-xs text-amber-800 dark:text-amber-300"
            >
              Showing the first {result.rows.length.toLocaleString("en-US")} rows
              {result.rowCount !== null && result.rowCount > result.rows.length
                ? ` of ${result.rowCount.toLocaleString("en-US")}`
                : ""}
              : add a LIMIT or a WHERE to see the ones you want.
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
