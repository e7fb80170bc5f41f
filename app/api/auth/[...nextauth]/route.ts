import { NextRequest } from "next/server";
import { githubConfigured, handlers } from "@/lib/accounts/auth";
import { withBrowserSandbox } from "@/lib/accounts/browser-sandbox";
import { allowOAuthStep } from "@/lib/accounts/limits";
import { minutes } from "@/lib/accounts/users";
import { clientLimitKey } from "@/lib/http/client";
import { isCrossOrigin, requestOrigin } from "@/lib/http/origin";
import { HttpProblem } from "@/lib/http/problem";
import { portalApi } from "@/lib/sandbox/api";
import { clearedSandboxCookie, sandboxCookie } from "@/lib/sandbox/cookie";
import { SANDBOX_COOKIE } from "@/lib/sandbox/keys";

/** What this site uses of Auth.js's endpoints; anything else is a 404 problem, not Auth.js's 400. */
function allowed(method: "GET" | "POST", path: string): boolean {
  const github = githubConfigured();
  const routes: Record<"GET" | "POST", string[]> = {
    GET: ["csrf", "providers", "session", "signin", ...(github ? ["callback/github"] : [])],
    POST: ["signout", "callback/credentials", ...(github ? ["signin/github"] : [])],
  };
  return routes[method].includes(path);
}

/**
 * Auth.js, under the site's rules: a POST from another site's page is refused before Auth.js
 * sees it (it has its own CSRF token too), an unknown path is a problem+json 404, and the URL it
 * sees is the one the client used (Host, and the scheme as far as TRUST_PROXY trusts proxies),
 * never a client's X-Forwarded-Host. Signing in and out may change the browser's sandbox cookie
 * (lib/accounts/browser-sandbox.ts): applied here, to Auth.js's answer.
 */
function authRoute(method: "GET" | "POST") {
  return portalApi.pipeline(async (req) => {
    const path = req.nextUrl.pathname.replace(/^\/api\/auth\/?/, "").replace(/\/$/, "");
    if (!allowed(method, path)) {
      throw new HttpProblem(
        "not-found",
        `Nothing lives at ${req.nextUrl.pathname}. Sign in at /signin, or create an account at /signup.`,
      );
    }
    if (method === "POST" && isCrossOrigin(req)) {
      throw new HttpProblem("forbidden", "Sign-in requests come from this site's own pages.");
    }
    // Password attempts are counted where they are checked (lib/accounts/users.ts).
    if (path.endsWith("/github")) {
      const allowance = await allowOAuthStep({ address: clientLimitKey(req) });
      if (!allowance.ok) {
        throw new HttpProblem(
          "rate-limited",
          `Too many GitHub sign-ins from your address. Try again in ${minutes(allowance.retryAfter)}.`,
          { headers: { "retry-after": String(allowance.retryAfter) } },
        );
      }
    }
    const origin = requestOrigin(req) ?? req.nextUrl.origin;
    const url = new URL(`${req.nextUrl.pathname}${req.nextUrl.search}`, origin);
    const trusted = new NextRequest(url, req);
    trusted.headers.delete("x-forwarded-host");
    const { result, next } = await withBrowserSandbox(req.cookies.get(SANDBOX_COOKIE)?.value, () =>
      handlers[method](trusted),
    );
    const res = new Response(result.body, result);
    if (next === null) res.headers.append("set-cookie", clearedSandboxCookie(req));
    else if (next) res.headers.append("set-cookie", sandboxCookie(req, next));
    return res;
  });
}

// GET /api/auth/{csrf,providers,session,signin,callback/github} — Auth.js (portal sign-in)
// POST /api/auth/{callback/credentials,signin/github,signout} — Auth.js (portal sign-in)
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = portalApi.methods({
  GET: authRoute("GET"),
  POST: authRoute("POST"),
});
