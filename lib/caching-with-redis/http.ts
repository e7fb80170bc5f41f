import { evaluate, preconditionsOf } from "@/lib/http/etag";
import { HttpProblem } from "@/lib/http/problem";
import type { Cached } from "./cache";

/** The cache's name in Cache-Status (RFC 9211). */
export const CACHE_NAME = "bmj-catalog";

// #region cache-headers
/**
 * What the response says about caching, twice over: the server's own cache (X-Cache, and the
 * standard Cache-Status of RFC 9211) and how HTTP caches may keep it (RFC 9111). The catalog is
 * your sandbox's, so `private` (no shared cache may store it) and `no-cache` (your browser may
 * keep it, but asks each time with If-None-Match); Vary names what else the answer depends on.
 */
export function cacheHeaders(cached: Cached): Record<string, string> {
  const status = [CACHE_NAME];
  if (cached.verdict === "MISS") {
    status.push("fwd=miss");
    if (cached.stored) status.push("stored");
    if (cached.collapsed) status.push("collapsed");
    if (cached.storeDown) status.push('detail="store-unavailable"');
  } else {
    status.push("hit", `ttl=${cached.ttl}`);
  }
  return {
    "x-cache": cached.verdict,
    "cache-status": status.join("; "),
    "cache-control": "private, no-cache",
    vary: "X-Sandbox-Key, Cookie",
    etag: cached.entry.etag,
  };
}
// #endregion

// #region conditional
/**
 * The cached bytes as a response; 304 with no body when the client's copy (If-None-Match) is
 * still the current one. The ETag was computed once, when the answer was cached.
 */
export function cachedJson(
  req: Request,
  cached: Cached,
  headers: Record<string, string> = {},
): Response {
  const caching = cacheHeaders(cached);
  const outcome = evaluate(preconditionsOf(req), req.method, { etag: cached.entry.etag });
  if (outcome.result === "precondition-failed") {
    throw new HttpProblem(
      "precondition-failed",
      "If-Match names a version that is no longer the current one: read it again without conditions.",
    );
  }
  if (outcome.result === "not-modified") {
    // A 304 carries what a cache updates its copy with (RFC 9110 §15.4.5): no Link, no body.
    return new Response(null, { status: 304, headers: caching });
  }
  return new Response(req.method === "HEAD" ? null : cached.entry.body, {
    headers: { ...headers, ...caching, "content-type": "application/json; charset=utf-8" },
  });
}
// #endregion
