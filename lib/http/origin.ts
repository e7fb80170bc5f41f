import { isHttps } from "./client";
import { HEADER } from "./constants";

/**
 * Whether a browser sent this request from another origin. Browsers say so in Sec-Fetch-Site;
 * older ones at least send Origin on every cross-origin POST. A request with neither did not come
 * from another site's page (curl, scripts, or a top-level navigation).
 */
export function isCrossOrigin(req: Request): boolean {
  const site = req.headers.get(HEADER.secFetchSite);
  if (site) return site !== "same-origin" && site !== "none";
  const origin = req.headers.get(HEADER.origin);
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.get("host");
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage: not us.
  }
}

/**
 * The origin the client used to reach us, from its Host header (Next's own `nextUrl.origin` is the
 * server's configured name, which may differ: 127.0.0.1 vs localhost loses the browser's cookies).
 */
export function requestOrigin(req: Request & { nextUrl?: URL }): string {
  const host = req.headers.get("host");
  const fallback = req.nextUrl ?? new URL(req.url);
  if (!host || !/^[\w.:[\]-]+$/.test(host)) return fallback.origin;
  return `${isHttps(req) ? "https" : "http"}://${host}`;
}
