import { etagOf, evaluate, httpDate, preconditionsOf } from "./etag";
import { HttpProblem } from "./problem";

/** What a 304 keeps of the 200 it stands for: the fields a cache updates its copy with (RFC 9110 §15.4.5). */
const NOT_MODIFIED_FIELDS = [
  "cache-control",
  "content-location",
  "date",
  "etag",
  "expires",
  "vary",
];

function notModified(headers: Headers): Response {
  const kept = new Headers();
  for (const name of NOT_MODIFIED_FIELDS) {
    const value = headers.get(name);
    if (value !== null) kept.set(name, value);
  }
  return new Response(null, { status: 304, headers: kept });
}

type EtagInit = {
  status?: number;
  etag?: string;
  lastModified?: Date;
  headers?: Record<string, string>;
};

/**
 * A JSON response with its validators: an ETag (the one given, or a hash of the bytes) and, when
 * given, Last-Modified. A GET or HEAD is evaluated against them first (RFC 9110 §13.2.2): a copy
 * that is still current gets 304 Not Modified and no body, a failed If-Match 412.
 */
export function jsonWithEtag(req: Request, data: unknown, init: EtagInit = {}): Response {
  return jsonTextWithEtag(req, JSON.stringify(data), init);
}

/** `jsonWithEtag` for a body that is already JSON text (written by the database, say). */
export function jsonTextWithEtag(req: Request, body: string, init: EtagInit = {}): Response {
  const etag = init.etag ?? etagOf(body);
  const headers = new Headers(init.headers);
  headers.set("etag", etag);
  if (init.lastModified) headers.set("last-modified", httpDate(init.lastModified));
  if (req.method === "GET" || req.method === "HEAD") {
    const outcome = evaluate(preconditionsOf(req), req.method, {
      etag,
      lastModified: init.lastModified,
    });
    if (outcome.result === "not-modified") return notModified(headers);
    if (outcome.result === "precondition-failed") {
      throw new HttpProblem(
        "precondition-failed",
        `The ${outcome.failed === "if-match" ? "If-Match" : "If-Unmodified-Since"} condition is false: this is no longer the version you had. Read it again without conditions.`,
      );
    }
  }
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(req.method === "HEAD" ? null : body, { status: init.status ?? 200, headers });
}
