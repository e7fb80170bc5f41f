import { env } from "@/lib/env";
import { HEADER } from "./constants";
import { readPeer } from "./peer";
import { siteOrigin } from "./site-origin";

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
  const ours = requestOrigin(req);
  try {
    return !ours || new URL(origin).host !== new URL(ours).host;
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage: not us.
  }
}

/**
 * The origin the client used to reach us: its Host, or what trusted proxies say (TRUST_PROXY).
 * Never Next's own `nextUrl.origin`, which is the server's configured name: 127.0.0.1 vs
 * localhost loses the browser's cookies. Undefined when the client named no usable host; write a
 * relative link then.
 */
export function requestOrigin(req: Request): string | undefined {
  return originOfHeaders(req.headers);
}

/** The same, from a page's `headers()`. */
export function originOfHeaders(headers: Pick<Headers, "get">): string | undefined {
  return siteOrigin(
    (name) => headers.get(name),
    env().TRUST_PROXY,
    readPeer(headers)?.https ?? false,
  );
}
