import type { TrustProxy } from "@/lib/env";

/**
 * The origin a client used to reach us, for links we build into answers (problem `type`s, curl
 * lines). A browser keeps one cookie jar per host name, so a link to any other name for this same
 * server (localhost for 127.0.0.1, the internal name behind a proxy) lands the learner in a new,
 * empty sandbox.
 *
 * Self-contained (no env, no Request) so the server guard, the proxy and the routes share it.
 */

type HeaderGetter = (name: string) => string | null | undefined;

// A plain host[:port]: a name or IPv4 address, or a bracketed IPv6 address. Nothing else may
// reach a link we write.
const HOST = /^([\w.-]+|\[[\da-f:.]+\])(:\d{1,5})?$/;

/** A proxy header's entries, trimmed and lower-cased. */
export function listOf(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * The entry of X-Forwarded-Proto or X-Forwarded-Host that our trusted proxies wrote. Vercel's edge
 * overwrites them. Other proxies either append or overwrite; with fewer entries than proxies the
 * leftmost is the one the outermost proxy that set it wrote.
 */
export function trustedEntry(
  header: string | null | undefined,
  trust: Exclude<TrustProxy, "none">,
): string | undefined {
  const entries = listOf(header);
  if (trust === "vercel") return entries[0];
  return entries.length >= trust ? entries[entries.length - trust] : entries[0];
}

function validHost(value: string | null | undefined): string | undefined {
  const host = value?.trim().toLowerCase();
  return host && HOST.test(host) ? host : undefined;
}

/**
 * `scheme://host[:port]` as the client wrote it: the Host header, or with trusted proxies the
 * X-Forwarded-Host and X-Forwarded-Proto they set. A client's own X-Forwarded-* count for nothing
 * unless TRUST_PROXY says a proxy wrote them. Undefined when no usable host was sent (HTTP/1.0,
 * or garbage): then callers write relative links, never a name of their own choosing.
 */
export function siteOrigin(
  header: HeaderGetter,
  trust: TrustProxy,
  socketHttps: boolean,
): string | undefined {
  const forwardedHost =
    trust === "none" ? undefined : validHost(trustedEntry(header("x-forwarded-host"), trust));
  const host = forwardedHost ?? validHost(header("host"));
  if (!host) return undefined;
  const https =
    trust === "none" ? socketHttps : trustedEntry(header("x-forwarded-proto"), trust) === "https";
  return `${https ? "https" : "http"}://${host}`;
}

/** A site path (`/learn/…#…`) as an absolute URL on `origin`, or as it is when there is none. */
export function onSite(path: string, origin: string | undefined): string {
  return origin ? new URL(path, origin).toString() : path;
}
