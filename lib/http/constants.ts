/**
 * The HTTP vocabulary shared by the server and the browser (console, lessons, request log):
 * methods, header names, media types and each method's colour. No Node imports.
 */

/** Methods a route can serve; anything else on /api is answered 405 (or 501 if unknown). */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Methods that change nothing (RFC 9110 §9.2.1); a cookie alone may not authorize the others. */
export const SAFE_METHODS: readonly string[] = ["GET", "HEAD", "OPTIONS"];

export const HEADER = {
  sandboxKey: "x-sandbox-key",
  requestId: "x-request-id",
  serverTiming: "server-timing",
  contentType: "content-type",
  cacheControl: "cache-control",
  etag: "etag",
  lastModified: "last-modified",
  ifMatch: "if-match",
  ifNoneMatch: "if-none-match",
  ifModifiedSince: "if-modified-since",
  location: "location",
  link: "link",
  allow: "allow",
  retryAfter: "retry-after",
  wwwAuthenticate: "www-authenticate",
  origin: "origin",
  secFetchSite: "sec-fetch-site",
} as const;

export const MEDIA_TYPE = {
  json: "application/json",
  problem: "application/problem+json",
  mergePatch: "application/merge-patch+json",
  text: "text/plain",
  html: "text/html",
} as const;

/** The media types a PATCH body may have here: a JSON Merge Patch (RFC 7396), however labelled. */
export const PATCH_TYPES = [MEDIA_TYPE.mergePatch, MEDIA_TYPE.json] as const;

/** One colour per method, as Tailwind classes for a badge (light and dark). */
export const METHOD_COLORS: Record<HttpMethod, string> = {
  GET: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  HEAD: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  POST: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  PUT: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  PATCH: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  DELETE: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  OPTIONS: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

/** The same colour as text only (the console's method picker, the request log). */
export const METHOD_TEXT_COLORS: Record<HttpMethod, string> = {
  GET: "text-sky-800 dark:text-sky-300",
  HEAD: "text-sky-800 dark:text-sky-300",
  POST: "text-emerald-800 dark:text-emerald-300",
  PUT: "text-amber-800 dark:text-amber-300",
  PATCH: "text-violet-800 dark:text-violet-300",
  DELETE: "text-rose-800 dark:text-rose-300",
  OPTIONS: "text-zinc-700 dark:text-zinc-300",
};

export function isHttpMethod(method: string): method is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}
