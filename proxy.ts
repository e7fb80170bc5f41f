import type { NextRequest } from "next/server";
import { edgeProblem, edgeRequestId, malformedEscape } from "@/lib/http/edge-problem";
import { requestOrigin } from "@/lib/http/origin";
import { securityHeaders } from "@/lib/http/security-headers";

/**
 * A path that is not valid percent-encoding (`/api/v1/todos/%zz`, `/learn/%`) is turned away here,
 * before Next's router: it decodes dynamic segments with decodeURIComponent, which throws, and
 * then looks for a `/400` page this App Router app does not have, ending in a plain-text 500.
 * API paths get a 400 problem, pages a small 400 page.
 *
 * Odd methods and request-targets never get this far or are cheaper to refuse earlier; see
 * lib/http/server-guard.ts.
 */
export function proxy(req: NextRequest): Response | undefined {
  const path = req.nextUrl.pathname;
  const bad = malformedEscape(path);
  if (!bad) return undefined;
  const requestId = edgeRequestId(req.headers.get("x-request-id"));
  if (path === "/api" || path.startsWith("/api/")) {
    const problem = edgeProblem("malformed-url", {
      // Not req.nextUrl.origin: that is the server's own name, not necessarily the client's.
      origin: requestOrigin(req),
      instance: path,
      requestId,
      detail: bad,
    });
    return new Response(req.method === "HEAD" ? null : problem.body, {
      status: problem.status,
      headers: { ...securityHeaders(path, dev()), ...problem.headers },
    });
  }
  return badUrlPage(req, bad, requestId);
}

export const config = {
  // Only paths with a "%" in them: every other request skips the proxy's cost (a Request built,
  // the body cloned into memory; see proxyClientMaxBodySize in next.config.ts).
  matcher: ["/(.*%.*)"],
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function badUrlPage(req: NextRequest, detail: string, requestId: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>400: Bad request</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
</head><body><h1>400: This address cannot be read</h1><p>${escapeHtml(detail)}</p>
<p><a href="/">Back to the roadmap</a></p></body></html>`;
  return new Response(req.method === "HEAD" ? null : html, {
    status: 400,
    headers: {
      ...securityHeaders(req.nextUrl.pathname, dev()),
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-request-id": requestId,
    },
  });
}

function dev(): boolean {
  return process.env.NODE_ENV === "development";
}
