import { createHash } from "node:crypto";
import { HttpProblem } from "./problem";

/** A strong ETag derived from the exact bytes of a representation. */
export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** `*` or the entity tags of an If-Match / If-None-Match field, as sent (`"x"` or `W/"x"`). */
export type TagList = "*" | string[];

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE (RFC 9110 §8.8.3)
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/**
 * Parses an If-Match or If-None-Match field. A value that is neither `*` nor a list of quoted
 * tags is a 400: a tag sent without its quotes would otherwise silently never match.
 */
export function parseTagList(name: string, header: string | null): TagList | undefined {
  if (header === null) return undefined;
  if (header.trim() === "*") return "*";
  const tags = header
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  const bad = tags.find((tag) => !ENTITY_TAG.test(tag));
  if (header.includes("{{")) {
    throw new HttpProblem(
      "malformed-request",
      `${name} still holds the placeholder ${header.trim()}: replace it with the ETag the lesson's earlier response gave you, quotes included.`,
    );
  }
  if (tags.length === 0 || bad !== undefined) {
    throw new HttpProblem(
      "malformed-request",
      `${name} must be * or a list of entity tags such as "2-17", quotes included; ${JSON.stringify(bad ?? header)} is not one. Copy the ETag exactly as a response gave it.`,
    );
  }
  return tags;
}

const opaque = (tag: string) => tag.replace(/^W\//, "");
/** Weak comparison (If-None-Match): `W/"x"` and `"x"` are the same version. */
const weakMatch = (a: string, b: string) => opaque(a) === opaque(b);
/** Strong comparison (If-Match): both tags strong and identical. */
const strongMatch = (a: string, b: string) => !a.startsWith("W/") && a === b;

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const DATE_FORMATS = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/,
  // obsolete RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  /^[A-Z][a-z]+, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/,
  // obsolete asctime: Sun Nov  6 08:49:37 1994
  /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/,
];

/**
 * An HTTP-date in any of its three formats (RFC 9110 §5.6.7), as whole seconds since the epoch;
 * undefined for anything else, which If-Modified-Since and If-Unmodified-Since then ignore.
 */
export function parseHttpDate(value: string | null): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  for (const [i, format] of DATE_FORMATS.entries()) {
    const m = format.exec(text);
    if (!m) continue;
    const [day, month, year, hh, mm, ss] =
      i === 2 ? [m[2], m[1], m[6], m[3], m[4], m[5]] : [m[1], m[2], m[3], m[4], m[5], m[6]];
    const monthIndex = MONTHS.indexOf(month ?? "");
    if (monthIndex < 0) return undefined;
    let y = Number(year);
    // RFC 850's two-digit year: more than 50 years ahead means the previous century.
    if (i === 1) y += y + 2000 > new Date().getUTCFullYear() + 50 ? 1900 : 2000;
    const ms = Date.UTC(y, monthIndex, Number(day), Number(hh), Number(mm), Number(ss));
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
}

/** A date as an HTTP-date (IMF-fixdate), the form Last-Modified takes. */
export const httpDate = (date: Date): string => date.toUTCString();

/** Last-Modified has one-second resolution; comparisons drop the milliseconds. */
export const toSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** The conditional headers of a request, parsed once. */
export type Preconditions = {
  ifMatch?: TagList;
  ifNoneMatch?: TagList;
  ifModifiedSince?: number;
  ifUnmodifiedSince?: number;
};

export function preconditionsOf(req: Request): Preconditions {
  return {
    ifMatch: parseTagList("If-Match", req.headers.get("if-match")),
    ifNoneMatch: parseTagList("If-None-Match", req.headers.get("if-none-match")),
    ifModifiedSince: parseHttpDate(req.headers.get("if-modified-since")),
    ifUnmodifiedSince: parseHttpDate(req.headers.get("if-unmodified-since")),
  };
}

/** What the server knows about the current representation: its validators. */
export type Validators = { etag: string; lastModified?: Date };

export type Evaluation =
  | { result: "proceed" }
  | { result: "not-modified" }
  | { result: "precondition-failed"; failed: "if-match" | "if-unmodified-since" | "if-none-match" };

/**
 * RFC 9110 §13.2.2, for a resource that exists: If-Match first (or If-Unmodified-Since without
 * it), then If-None-Match (or If-Modified-Since without it, on GET and HEAD only). A GET or HEAD
 * whose copy is current is 304; any other method whose condition fails is 412.
 */
// #region evaluate
export function evaluate(pre: Preconditions, method: string, current: Validators): Evaluation {
  const read = method === "GET" || method === "HEAD";
  const modified = (since: number) =>
    current.lastModified !== undefined && toSeconds(current.lastModified) > since;
  if (pre.ifMatch !== undefined) {
    const ok = pre.ifMatch === "*" || pre.ifMatch.some((tag) => strongMatch(tag, current.etag));
    if (!ok) return { result: "precondition-failed", failed: "if-match" };
  } else if (pre.ifUnmodifiedSince !== undefined && modified(pre.ifUnmodifiedSince)) {
    return { result: "precondition-failed", failed: "if-unmodified-since" };
  }
  if (pre.ifNoneMatch !== undefined) {
    const matched =
      pre.ifNoneMatch === "*" || pre.ifNoneMatch.some((tag) => weakMatch(tag, current.etag));
    if (matched) {
      return read
        ? { result: "not-modified" }
        : { result: "precondition-failed", failed: "if-none-match" };
    }
  } else if (
    read &&
    pre.ifModifiedSince !== undefined &&
    current.lastModified !== undefined &&
    !modified(pre.ifModifiedSince)
  ) {
    return { result: "not-modified" };
  }
  return { result: "proceed" };
}
// #endregion
