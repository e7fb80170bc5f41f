export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export function methodHasBody(method: string): boolean {
  return method !== "GET" && method !== "HEAD";
}

export type KeyValue = { id: number; key: string; value: string };

/** What the learner is editing in one console. */
export type Draft = {
  method: string;
  path: string;
  query: KeyValue[];
  headers: KeyValue[];
  body: string;
};

/** A request ready for `fetch`: the URL is relative to the page's origin. */
export type PreparedRequest = {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
};

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
 * `Content-Type: application/json` added to a body unless the learner set one, and a JSON body
 * sent compact. A body that is not valid JSON is sent as it is: the learner sees the server's 400
 * (the console warns about it beforehand, see `bodyJsonError`).
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

  let body: string | null = null;
  if (methodHasBody(method) && draft.body.trim() !== "") {
    let contentType = findHeader(headers, "content-type");
    if (contentType === undefined) {
      contentType = "application/json";
      headers.push(["Content-Type", contentType]);
    }
    body = draft.body;
    if (isJsonType(contentType)) {
      try {
        body = JSON.stringify(JSON.parse(draft.body));
      } catch {
        // Malformed on purpose or by mistake: the server's answer is the lesson.
      }
    }
  }
  return { ok: true, request: { method, url: url.pathname + url.search, headers, body } };
}

/** The body's JSON parse error, if it has one and will be sent as JSON; for live feedback. */
export function bodyJsonError(draft: Draft): string | null {
  if (!methodHasBody(draft.method) || draft.body.trim() === "") return null;
  const contentType = draft.headers.find((h) => h.key.trim().toLowerCase() === "content-type");
  if (contentType && !isJsonType(contentType.value)) return null;
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
