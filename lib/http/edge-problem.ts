/**
 * Problem details for requests turned away before any route runs: by proxy.ts (a path that is
 * not valid percent-encoding) or by the server guard (methods and request-targets Next cannot
 * handle). Same shape as the route kit's problems, but self-contained: the proxy and the guard
 * run outside the request pipeline and must not depend on it.
 */

import { onSite } from "./site-origin";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Every method an API route can implement; each route's own Allow is a subset. */
export const API_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export const edgeProblems = {
  // The same type (and so the same title) as the route kit's "malformed-request".
  "malformed-url": {
    status: 400,
    title: "The request could not be read",
    doc: "/learn/http-and-rest#400-bad-request",
  },
  "method-not-implemented": {
    status: 501,
    title: "Method not implemented",
    doc: "/learn/http-and-rest#methods",
  },
} as const;

export type EdgeProblemKind = keyof typeof edgeProblems;

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The client's X-Request-Id when it is a sane token, else a new one (as the route kit does). */
export function edgeRequestId(given: string | null | undefined): string {
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

export type EdgeProblem = {
  status: number;
  headers: Record<string, string>;
  body: string;
};

export function edgeProblem(
  kind: EdgeProblemKind,
  /** `origin`: where the client reached us (lib/http/site-origin.ts); none makes `type` relative. */
  at: { origin: string | undefined; instance: string; requestId: string; detail: string },
): EdgeProblem {
  const { status, title, doc } = edgeProblems[kind];
  const body = {
    type: onSite(doc, at.origin),
    title,
    status,
    detail: at.detail,
    instance: at.instance,
    requestId: at.requestId,
  };
  return {
    status,
    headers: {
      "content-type": PROBLEM_CONTENT_TYPE,
      "cache-control": "no-store",
      "x-request-id": at.requestId,
    },
    body: JSON.stringify(body),
  };
}

/** Why a path is not valid percent-encoding, naming the first bad escape; undefined when valid. */
export function malformedEscape(path: string): string | undefined {
  for (const segment of path.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return describeBadSegment(segment);
    }
  }
  return undefined;
}

function describeBadSegment(segment: string): string {
  const lone = /%(?![0-9A-Fa-f]{2})/.exec(segment);
  if (lone) {
    const badEscape = segment.slice(lone.index, lone.index + 3);
    return `The path has a malformed percent-escape "${badEscape}" in segment "${segment}": "%" must be followed by two hex digits (write a literal % as %25).`;
  }
  // Every % has two hex digits, so some run of escapes is not valid UTF-8 (e.g. "%FF", "%C3%28").
  for (const run of segment.match(/(?:%[0-9A-Fa-f]{2})+/g) ?? []) {
    try {
      decodeURIComponent(run);
    } catch {
      return `The path has percent-escapes "${run}" in segment "${segment}" that do not decode to UTF-8 text.`;
    }
  }
  return `The path segment "${segment}" is not valid percent-encoding.`;
}
