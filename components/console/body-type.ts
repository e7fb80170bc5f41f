import { type BodyType, type Draft, FORM_TYPE, isJsonType, row } from "./request";

const isContentType = (key: string) => key.trim().toLowerCase() === "content-type";

function withContentType(draft: Draft, value: string | null): Draft {
  const at = draft.headers.findIndex((h) => isContentType(h.key));
  if (value === null) return { ...draft, headers: draft.headers.filter((_, i) => i !== at) };
  if (at === -1) return { ...draft, headers: [...draft.headers, row("Content-Type", value)] };
  return { ...draft, headers: draft.headers.map((h, i) => (i === at ? { ...h, value } : h)) };
}

/** A JSON object's fields as form rows, when the text is one whose values are all scalars. */
function rowsFromJson(text: string) {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
    const entries = Object.entries(data);
    if (entries.some(([, v]) => typeof v === "object" && v !== null)) return null;
    return entries.map(([k, v]) => row(k, v === null ? "" : String(v)));
  } catch {
    return null;
  }
}

/**
 * The draft with its body sent as `type`, and its Content-Type row following: JSON needs none
 * (it is the default, so a form's or text's row goes), a form gets
 * `application/x-www-form-urlencoded`, text keeps a type of its own or gets `text/plain`. A flat
 * JSON object becomes the form's first fields.
 */
export function withBodyType(draft: Draft, type: BodyType): Draft {
  const current = draft.headers.find((h) => isContentType(h.key))?.value.trim() ?? "";
  if (type === "json") {
    const next = isJsonType(current) ? draft : withContentType(draft, null);
    return { ...next, bodyType: type };
  }
  if (type === "form") {
    const form = draft.form.some((r) => r.key.trim()) ? draft.form : rowsFromJson(draft.body);
    return { ...withContentType(draft, FORM_TYPE), bodyType: type, form: form ?? draft.form };
  }
  const keep = current !== "" && !isJsonType(current) && !current.startsWith(FORM_TYPE);
  return { ...(keep ? draft : withContentType(draft, "text/plain")), bodyType: type };
}
