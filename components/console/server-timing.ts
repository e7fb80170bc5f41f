/** One entry of a `Server-Timing` header: `name;dur=1.2;desc="..."`. */
export type ServerTimingEntry = { name: string; dur?: number; desc?: string };

/** Splits `text` on `separator`, ignoring separators inside double-quoted strings. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === "\\" && i + 1 < text.length) {
      current += ch + text[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    return v.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return v;
}

/**
 * Parses a `Server-Timing` header value (several headers arrive joined by ", ").
 * Entries without a name are skipped; the first `dur` and `desc` of an entry win, as in the spec.
 */
export function parseServerTiming(header: string | null | undefined): ServerTimingEntry[] {
  if (!header) return [];
  const entries: ServerTimingEntry[] = [];
  for (const raw of splitOutsideQuotes(header, ",")) {
    const [first = "", ...params] = splitOutsideQuotes(raw, ";");
    const name = first.trim();
    if (!name) continue;
    const entry: ServerTimingEntry = { name };
    for (const param of params) {
      const eq = param.indexOf("=");
      const key = (eq === -1 ? param : param.slice(0, eq)).trim().toLowerCase();
      const value = eq === -1 ? "" : unquote(param.slice(eq + 1));
      if (key === "dur" && entry.dur === undefined) {
        const dur = Number.parseFloat(value);
        if (Number.isFinite(dur) && dur >= 0) entry.dur = dur;
      } else if (key === "desc" && entry.desc === undefined) {
        entry.desc = value;
      }
    }
    entries.push(entry);
  }
  return entries;
}

export type TimelineBar = {
  name: string;
  desc?: string;
  dur: number;
  /** Where the bar starts and how wide it is, in percent of the frame. */
  left: number;
  width: number;
};

export type Timeline = {
  /** The request's total on the server (the `total` entry, else the sum of the spans). */
  total: number;
  bars: TimelineBar[];
  /** Time inside `total` that no span covers: routing, the framework, serialising the response. */
  other: TimelineBar | null;
};

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * Lays the spans out one after another inside the `total` entry, the way the server ran them.
 * If the spans add up to more than `total` (clock rounding), the frame grows to fit them.
 */
export function layoutTimeline(entries: ServerTimingEntry[]): Timeline | null {
  const totalEntry = entries.find((e) => e.name === "total");
  const spans = entries.filter((e) => e.name !== "total");
  if (spans.length === 0 && totalEntry?.dur === undefined) return null;
  const sum = spans.reduce((acc, e) => acc + (e.dur ?? 0), 0);
  const total = totalEntry?.dur ?? sum;
  const frame = Math.max(total, sum);
  const pct = (ms: number) => (frame > 0 ? (ms / frame) * 100 : 0);
  let cursor = 0;
  const bars = spans.map((e): TimelineBar => {
    const dur = e.dur ?? 0;
    const bar = { name: e.name, desc: e.desc, dur, left: pct(cursor), width: pct(dur) };
    cursor += dur;
    return bar;
  });
  const rest = round(total - sum);
  const other =
    totalEntry?.dur !== undefined && rest > 0
      ? { name: "other", desc: "framework / other", dur: rest, left: pct(sum), width: pct(rest) }
      : null;
  return { total, bars, other };
}
