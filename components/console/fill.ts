import { fillVariables } from "@/content/variables";
import { type Draft, type KeyValue, methodHasBody } from "./request";

/**
 * The draft with every `{{variable}}` in its path, query, headers and body filled in from
 * `lookup`, and the names it has no value for (left as written). The console fills a draft this
 * way when it sends, and so do the tests that replay the lessons' examples.
 */
export function fillDraft(
  draft: Draft,
  lookup: (name: string) => string | undefined,
): { draft: Draft; missing: string[] } {
  const missing = new Set<string>();
  const fill = (text: string) => {
    const filled = fillVariables(text, lookup);
    for (const name of filled.missing) missing.add(name);
    return filled.text;
  };
  const rows = (list: KeyValue[]) =>
    list.map((r) => ({ ...r, key: fill(r.key), value: fill(r.value) }));
  // Only the body that is sent: a form's fields, or the text.
  const sends = methodHasBody(draft.method) ? draft.bodyType : null;
  const filled: Draft = {
    ...draft,
    path: fill(draft.path),
    query: rows(draft.query),
    headers: rows(draft.headers),
    body: sends && sends !== "form" ? fill(draft.body) : draft.body,
    form: sends === "form" ? rows(draft.form) : draft.form,
  };
  return { draft: filled, missing: [...missing] };
}
