import { type KeyValue, row } from "./request";

/**
 * The address field shows the path and the query string together, and the Params tab lists the
 * same query one row per pair, in order, so repeated keys (`?tag=a&tag=b`) stay two rows. Editing
 * either updates the other.
 */

/** Escapes only what would change how a query string parses (and `%` itself); the rest reads as typed. */
function encodePart(text: string, isKey: boolean): string {
  return text.replace(isKey ? /[%&#+=\s]/g : /[%&#+\s]/g, (c) =>
    c === " " ? "%20" : encodeURIComponent(c),
  );
}

/** `path?k=v&k=w` from a path and query rows (rows without a name are not part of the URL). */
export function composeAddress(path: string, query: readonly KeyValue[]): string {
  const pairs = query
    .filter((q) => q.key.trim())
    .map((q) => `${encodePart(q.key.trim(), true)}=${encodePart(q.value, false)}`);
  return pairs.length ? `${path}?${pairs.join("&")}` : path;
}

/** Splits what is typed in the address field into the path and its query pairs, in order. */
export function parseAddress(text: string): { path: string; pairs: [string, string][] } {
  const at = text.indexOf("?");
  if (at === -1) return { path: text, pairs: [] };
  const search = text.slice(at + 1).split("#")[0] ?? "";
  return { path: text.slice(0, at), pairs: [...new URLSearchParams(search)] };
}

/**
 * The query rows after the address was edited: one row per pair, keeping each row's id by
 * position (so focus and keys stay put), and rows still without a name (just added in the Params
 * tab) at the end.
 */
export function rowsFromAddress(
  pairs: [string, string][],
  previous: readonly KeyValue[],
): KeyValue[] {
  const named = previous.filter((q) => q.key.trim());
  const rows = pairs.map(([key, value], i) => {
    const old = named[i];
    return old ? { ...old, key, value } : row(key, value);
  });
  return [...rows, ...previous.filter((q) => !q.key.trim())];
}

/** Whether an address, as typed, means the same path and query as the draft. */
export function sameAddress(text: string, path: string, query: readonly KeyValue[]): boolean {
  const parsed = parseAddress(text);
  const named = query.filter((q) => q.key.trim());
  return (
    parsed.path === path &&
    parsed.pairs.length === named.length &&
    parsed.pairs.every(([k, v], i) => named[i]?.key.trim() === k.trim() && named[i]?.value === v)
  );
}
