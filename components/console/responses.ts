import { PLACEHOLDER } from "@/content/examples";
import type { Draft } from "./request";

/**
 * The headers of the latest response each lesson example's console got, on this page. A later
 * example may need one of them — the ETag a write must send in If-Match is new for every write —
 * and names it as `{{readTodo2.etag}}`; the console fills it in when it sends.
 */
const seen = new Map<string, Map<string, string>>();

export function rememberResponse(name: string | undefined, headers: [string, string][]): void {
  if (name) seen.set(name, new Map(headers.map(([k, v]) => [k.toLowerCase(), v])));
}

/** "readTodo2" → "read todo 2", to name an example in a message. */
export function exampleWords(name: string): string {
  return name.replace(/([a-z])([A-Z0-9])/g, "$1 $2").toLowerCase();
}

/**
 * The draft with every `{{name.header}}` in its headers filled from earlier responses; or the
 * first example whose response is still missing.
 */
export function fillPlaceholders(
  draft: Draft,
): { ok: true; draft: Draft } | { ok: false; missing: string; header: string } {
  let missing: { missing: string; header: string } | undefined;
  const headers = draft.headers.map((row) => ({
    ...row,
    value: row.value.replace(PLACEHOLDER, (whole, name: string, header: string) => {
      const value = seen.get(name)?.get(header.toLowerCase());
      if (value === undefined) missing ??= { missing: name, header };
      return value ?? whole;
    }),
  }));
  return missing ? { ok: false, ...missing } : { ok: true, draft: { ...draft, headers } };
}
