import { SQL_LIMITS } from "./contract";

/**
 * Values as JSON, from Postgres' text output (both databases hand us text): numbers that fit a
 * double as numbers, int8 and numeric as strings (they may not fit), timestamps as ISO 8601,
 * json parsed, arrays as arrays. Long text is cut, and says so.
 */

export type TypeInfo = { name: string; element?: string };

const NUMBERS = new Set(["int2", "int4", "oid", "float4", "float8"]);

function isoTimestamp(text: string, withZone: boolean): string {
  if (!/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(text)) return text; // infinity, BC, other DateStyles
  const iso = text.replace(" ", "T");
  if (!withZone) return iso;
  return iso
    .replace(/([+-])(\d\d)$/, "$1$2:00")
    .replace(/([+-])(\d\d):(\d\d):(\d\d)$/, "$1$2:$3")
    .replace(/\+00:00$/, "Z");
}

function scalar(text: string, type: string): unknown {
  if (type === "bool") return text === "t";
  if (NUMBERS.has(type)) {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === "json" || type === "jsonb") {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (type === "timestamptz") return isoTimestamp(text, true);
  if (type === "timestamp") return isoTimestamp(text, false);
  return text;
}

/** Parses an array literal `{1,"a b",NULL,{2,3}}` into nested arrays of element texts. */
export function parseArray(text: string): unknown[] {
  let i = text.indexOf("{");
  if (i === -1) return [text];
  const read = (): unknown[] => {
    const out: unknown[] = [];
    i++; // past "{"
    while (i < text.length) {
      const ch = text[i];
      if (ch === "}") {
        i++;
        return out;
      }
      if (ch === ",") {
        i++;
        continue;
      }
      if (ch === "{") {
        out.push(read());
        continue;
      }
      if (ch === '"') {
        let value = "";
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === "\\") i++;
          value += text[i] ?? "";
          i++;
        }
        i++;
        out.push(value);
        continue;
      }
      let end = i;
      while (end < text.length && text[end] !== "," && text[end] !== "}") end++;
      const raw = text.slice(i, end);
      out.push(raw === "NULL" ? null : raw);
      i = end;
    }
    return out;
  };
  return read();
}

function convert(text: string, type: TypeInfo): unknown {
  if (type.element) {
    const element = type.element;
    const map = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(map) : v === null ? null : scalar(String(v), element);
    return map(parseArray(text));
  }
  return scalar(text, type.name);
}

/** A row's values as JSON; reports whether any value was cut to the limit. */
export function decodeRow(
  row: readonly (string | null)[],
  types: readonly TypeInfo[],
): { values: unknown[]; cut: boolean } {
  let cut = false;
  const values = row.map((text, i) => {
    if (text === null) return null;
    if (text.length > SQL_LIMITS.valueChars) {
      cut = true;
      return `${text.slice(0, SQL_LIMITS.valueChars)}…`;
    }
    return convert(text, types[i] ?? { name: "text" });
  });
  return { values, cut };
}
