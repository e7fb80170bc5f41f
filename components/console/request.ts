export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * The methods whose requests carry a body: POST, PUT and PATCH. A body on GET, HEAD, DELETE or
 * OPTIONS has no defined meaning (RFC 9110), so the console offers none there.
 */
export function methodHasBody(method: string): boolean {
  return method === "POST" || method === "PUT" || method === "PATCH";
}

export type KeyValue = { id: number; key: string; value: string };

/** What the learner is editing in one console. */
export type Draft = {
  method: string;
  path: string;
  query: KeyValue[];
  headers: KeyValue[];
  /** How the body is sent: its text as JSON or as it is, or its form fields encoded. */
  bodyType: BodyType;
  /** The body's text, sent when the body is JSON or text. */
  body: string;
  /** The body's fields, sent when the body is a form. */
  form: KeyValue[];
};

/** A request ready for `fetch`: the URL is relative to the page's origin. */
export type PreparedRequest = {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
  /** When the body is a form: its fields, which `body` holds encoded. */
  form?: [string, string][];
};

export const FORM_TYPE = "application/x-www-form-urlencoded";

/**
 * How a body is edited and sent: JSON (checked, sent compact), a form (key-value rows, sent
 * `application/x-www-form-urlencoded`), or text sent as it is (whatever its Content-Type says,
 * even JSON text labelled as a form, on purpose).
 */
export type BodyType = "json" | "form" | "text";

/** The body type a Content-Type suggests: none or a JSON type is JSON; a form type a form. */
export function bodyTypeFor(contentType: string | undefined): BodyType {
  if (!contentType?.trim() || isJsonType(contentType)) return "json";
  return contentType.trim().toLowerCase().startsWith(FORM_TYPE) ? "form" : "text";
}

/** The value of the draft's Content-Type row, if it has one. */
export function draftContentType(draft: Pick<Draft, "headers">): string | undefined {
  return draft.headers.find((h) => h.key.trim().toLowerCase() === "content-type")?.value;
}

/** The named form rows as pairs. */
export function formPairs(rows: readonly KeyValue[]): [string, string][] {
  return rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]);
}

/** The body as it travels (a form encoded), before variables are filled in. */
export function bodyText(draft: Draft): string {
  return draft.bodyType === "form"
    ? new URLSearchParams(formPairs(draft.form)).toString()
    : draft.body;
}

export type Prepared =
  | { ok: true; request: PreparedRequest }
  | { ok: false; field: "path" | "headers"; error: string };

let nextRowId = 1;

export function row(key = "", value = ""): KeyValue {
  return { id: nextRowId++, key, value };
}

export function rowsOf(record: Record<string, string> | undefined): KeyValue[] {
  return Object.entries(record ?? {}).map(([k, v]) => row(k, v));
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function findHeader(headers: [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

export function isJsonType(contentType: string | null | undefined): boolean {
  return !!contentType && /[/+]json\b/i.test(contentType);
}

/** Splits `/a?b=1` into the path and query rows, so the Params tab shows them. */
export function splitPath(path: string): { path: string; query: KeyValue[] } {
  const at = path.indexOf("?");
  if (at === -1) return { path, query: [] };
  const query = [...new URLSearchParams(path.slice(at + 1))].map(([k, v]) => row(k, v));
  return { path: path.slice(0, at), query };
}

/**
 * Checks a draft and turns it into a request: path and query merged, blank rows dropped,
 * `Content-Type: application/json` added to a body unless the learner set one, a JSON body sent
 * compact, and a form's fields encoded. A body that is not valid JSON is sent as it is: the
 * learner sees the server's 400 (the console warns about it beforehand, see `bodyJsonError`).
 */
export function prepareRequest(draft: Draft, origin: string): Prepared {
  const method = draft.method.toUpperCase();
  const rawPath = draft.path.trim() || "/";
  let url: URL;
  try {
    url = new URL(
      rawPath.startsWith("/") || /^https?:/i.test(rawPath) ? rawPath : `/${rawPath}`,
      origin,
    );
  } catch {
    return { ok: false, field: "path", error: `"${rawPath}" is not a valid path.` };
  }
  if (url.origin !== new URL(origin).origin) {
    return {
      ok: false,
      field: "path",
      error: "The console calls this site's API: use a path like /api/v1/todos.",
    };
  }
  for (const q of draft.query) {
    if (q.key.trim()) url.searchParams.append(q.key.trim(), q.value);
  }

  const headers: [string, string][] = [];
  for (const h of draft.headers) {
    const name = h.key.trim();
    if (!name) continue;
    if (!HEADER_NAME.test(name)) {
      return { ok: false, field: "headers", error: `"${name}" is not a valid header name.` };
    }
    if (/[\r\n]/.test(h.value)) {
      return { ok: false, field: "headers", error: `The value of ${name} must fit on one line.` };
    }
    headers.push([name, h.value.trim()]);
  }

  const target = url.pathname + url.search;
  if (!methodHasBody(method))
    return { ok: true, request: { method, url: target, headers, body: null } };
  if (draft.bodyType === "form") {
    const form = formPairs(draft.form);
    const body = form.length ? new URLSearchParams(form).toString() : null;
    return { ok: true, request: { method, url: target, headers, body, ...(body ? { form } : {}) } };
  }
  if (draft.body.trim() === "")
    return { ok: true, request: { method, url: target, headers, body: null } };
  let contentType = findHeader(headers, "content-type");
  if (contentType === undefined) {
    contentType = "application/json";
    headers.push(["Content-Type", contentType]);
  }
  let body = draft.body;
  if (isJsonType(contentType)) {
    try {
      body = JSON.stringify(JSON.parse(draft.body));
    } catch {
      // Malformed on purpose or by mistake: the server's answer is the lesson.
    }
  }
  return { ok: true, request: { method, url: target, headers, body } };
}

/** The body's JSON parse error, if it has one and will be sent as JSON; for live feedback. */
export function bodyJsonError(draft: Draft): string | null {
  if (!methodHasBody(draft.method) || draft.body.trim() === "") return null;
  if (draft.bodyType !== "json" || bodyTypeFor(draftContentType(draft)) !== "json") return null;
  try {
    JSON.parse(draft.body);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The Content-Type a body goes with: the learner's, or JSON. */
export function bodyContentType(draft: Draft): string {
  const header = draft.headers.find((h) => h.key.trim().toLowerCase() === "content-type");
  return header?.value.trim() || "application/json";
}
