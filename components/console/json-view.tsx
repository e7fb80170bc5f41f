import type { ReactNode } from "react";

const TOKEN =
  /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false)\b|\b(null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;
/** Beyond this, colouring thousands of spans costs more than it helps. */
const HIGHLIGHT_LIMIT = 100_000;

/** Pretty-printed JSON with keys, strings, numbers and literals coloured. */
export function highlightJson(json: string): ReactNode[] {
  if (json.length > HIGHLIGHT_LIMIT) return [json];
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of json.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(json.slice(last, at));
    const [text, str, colon, bool, nul, num] = m;
    let className: string;
    if (str !== undefined && colon !== undefined) {
      out.push(
        <span key={at} className="text-sky-700 dark:text-sky-300">
          {str}
        </span>,
        colon,
      );
      last = at + text.length;
      continue;
    }
    if (str !== undefined) className = "text-emerald-700 dark:text-emerald-300";
    else if (bool !== undefined) className = "text-violet-700 dark:text-violet-300";
    else if (nul !== undefined) className = "text-zinc-500 dark:text-zinc-400";
    else if (num !== undefined) className = "text-amber-700 dark:text-amber-300";
    else className = "";
    out.push(
      <span key={at} className={className}>
        {text}
      </span>,
    );
    last = at + text.length;
  }
  if (last < json.length) out.push(json.slice(last));
  return out;
}
