import { type KeyValue, row } from "./request";

type Props = {
  rows: KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  /** Singular noun for labels: "query parameter", "header". */
  noun: string;
  keyPlaceholder: string;
  valuePlaceholder: string;
  /** Shown when there are no rows. */
  empty: string;
};

export const inputClass =
  "h-8 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 font-mono text-[12.5px] text-zinc-900 placeholder:text-zinc-400 focus:border-emerald-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-500/30 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-600";

export const ghostButtonClass =
  "inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 disabled:pointer-events-none disabled:opacity-40";

/** Editable key/value rows (query parameters, headers). */
export function KvEditor({ rows, onChange, noun, keyPlaceholder, valuePlaceholder, empty }: Props) {
  const update = (id: number, patch: Partial<KeyValue>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const remove = (id: number) => onChange(rows.filter((r) => r.id !== id));
  return (
    <div className="space-y-1.5">
      {rows.length === 0 && <p className="text-xs text-zinc-500 dark:text-zinc-400">{empty}</p>}
      {rows.map((r, i) => (
        <div key={r.id} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] gap-1.5">
          <input
            className={inputClass}
            value={r.key}
            placeholder={keyPlaceholder}
            aria-label={`${capitalize(noun)} ${i + 1} name`}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => update(r.id, { key: e.target.value })}
          />
          <input
            className={inputClass}
            value={r.value}
            placeholder={valuePlaceholder}
            aria-label={`${capitalize(noun)} ${i + 1} value`}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => update(r.id, { value: e.target.value })}
          />
          <button
            type="button"
            className={`${ghostButtonClass} w-8 justify-center px-0`}
            aria-label={`Remove ${noun} ${i + 1}`}
            title={`Remove ${noun}`}
            onClick={() => remove(r.id)}
          >
            <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5">
              <path
                d="M4 4l8 8M12 4l-8 8"
                stroke="currentColor"
                strokeWidth="1.75"
                strokeLinecap="round"
              />
            </svg>
          </button>
        </div>
      ))}
      <button type="button" className={ghostButtonClass} onClick={() => onChange([...rows, row()])}>
        <span aria-hidden className="text-sm leading-none">
          +
        </span>
        Add {noun}
      </button>
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
