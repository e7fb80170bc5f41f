import { PATCH_TYPES } from "./contract";

// #region cache-headers
/**
 * How a GET's answer may be cached. `private`: only the caller's own cache (the browser) may
 * store it, never a shared one (a CDN, a proxy), because it is one sandbox's data. `no-cache`:
 * stored copies must be revalidated with the server before every use (If-None-Match with the
 * ETag, If-Modified-Since with Last-Modified), since another client may change a todo at any
 * moment. `Vary`: the answer depends on the sandbox key, whichever way it came.
 */
export const CACHE_HEADERS = {
  "cache-control": "private, no-cache",
  vary: "X-Sandbox-Key, Cookie",
} as const;
// #endregion

/** A todo's GET (and OPTIONS) also say which PATCH bodies it takes (RFC 5789 §3.1). */
export const TODO_READ_HEADERS = {
  ...CACHE_HEADERS,
  "accept-patch": PATCH_TYPES.join(", "),
} as const;
