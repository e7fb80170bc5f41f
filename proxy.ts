import type { NextRequest } from "next/server";
import {
  API_METHODS,
  type EdgeProblem,
  edgeProblem,
  edgeRequestId,
  malformedEscape,
} from "@/lib/http/edge-problem";
import { securityHeaders } from "@/lib/http/security-headers";

/**
 * Turns away what Next's router would answer with a plain-text 500 or an empty 400, before the
 * router sees it:
 *
 * - A path that is not valid percent-encoding (`/api/v1/todos/%zz`, `/learn/%`): the router
 *   decodes dynamic segments with decodeURIComponent, which throws, and it then looks for a
 *   `/400` page this App Router app does not have. API paths get a 400 problem, pages a 400 page.
 * - A method outside the seven any API route implements (PROPFIND, PURGE, …): Next answers those
 *   with an empty 400 and never calls the route. 501 (not 405): the method is implemented for no
 *   URL, and only the route knows its own Allow list; the seven methods still get each route's
 *   405 with its real Allow.
 *
 * TRACE, CONNECT and `OPTIONS *` never get this far; lib/http/server-guard.ts answers those.
 */
export function proxy(req: NextRequest): Response | undefined {
  const path = req.nextUrl.pathname;
  const api = path === "/api" || path.startsWith("/api/");
  const requestId = edgeRequestId(req.headers.get("x-request-id"));
  const at = { origin: req.nextUrl.origin, instance: path, requestId };

  const bad = malformedEscape(path);
  if (bad) {
    return api
      ? respond(req, edgeProblem("malformed-url", { ...at, detail: bad }))
      : badUrlPage(req, bad, requestId);
  }
  if (api && !(API_METHODS as readonly string[]).includes(req.method)) {
    return respond(
      req,
      edgeProblem("method-not-implemented", {
        ...at,
        detail: `${req.method} is not a method this API implements for any URL. It implements ${API_METHODS.join(", ")}; send OPTIONS to a URL to see which of them it allows.`,
      }),
    );
  }
  return undefined;
}

export const config = {
  // Every API path (for the method), and any other path only when it has a "%" in it: pages and
  // their RSC requests skip the proxy's cost (a Request built, a body cloned) otherwise.
  matcher: ["/api/:path*", "/(.*%.*)"],
};

function respond(req: NextRequest, problem: EdgeProblem): Response {
  return new Response(req.method === "HEAD" ? null : problem.body, {
    status: problem.status,
    headers: { ...securityHeaders(req.nextUrl.pathname, dev()), ...problem.headers },
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function badUrlPage(req: NextRequest, detail: string, requestId: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>400: Bad request</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}code{word-break:break-all}</style>
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
