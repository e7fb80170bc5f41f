import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { SAFE_METHODS } from "@/lib/http/constants";
import { isCrossOrigin } from "@/lib/http/origin";
import { HttpProblem } from "@/lib/http/problem";
import type { RequestContext } from "@/lib/http/route";
import { createLimiter, type Limiter, rateLimitHeaders } from "@/lib/rate-limit";
import { sandboxCookie } from "./cookie";
import { presentedKey, SANDBOX_HEADER } from "./keys";
import { idForKey } from "./lookup";

export type SandboxCaller = { id: string; key: string; from: "header" | "cookie" };

const CHALLENGE = { "www-authenticate": `SandboxKey header="${SANDBOX_HEADER}"` };

function noKey(): HttpProblem {
  return new HttpProblem(
    "unauthorized",
    `Send your sandbox key in ${SANDBOX_HEADER}. No key yet? POST /api/sandbox creates a sandbox and answers with its key; in the browser, the lesson's console does it for you.`,
    { headers: CHALLENGE },
  );
}

function unknownKey(from: "header" | "cookie"): HttpProblem {
  return new HttpProblem(
    "unauthorized",
    from === "header"
      ? `No sandbox has the key in ${SANDBOX_HEADER}. Copy yours from /sandbox, or POST /api/sandbox for a new one.`
      : "Your browser's sandbox cookie names no sandbox (it may have been deleted). POST /api/sandbox starts a new one; the lesson's console does it for you.",
    { headers: CHALLENGE },
  );
}

let requestLimiter: Limiter | undefined;

/** Counts the request against its sandbox's per-minute limit; 429 once it is spent. */
export async function limitRequests(sandboxId: string, ctx: RequestContext): Promise<void> {
  requestLimiter ??= createLimiter({
    name: "sandbox-requests",
    limit: env().SANDBOX_REQUEST_LIMIT,
    windowSeconds: 60,
  });
  const limit = await requestLimiter.limit(sandboxId);
  const headers = rateLimitHeaders(limit, { name: "sandbox", windowSeconds: 60 });
  for (const [name, value] of Object.entries(headers)) ctx.headers.set(name, value);
  if (!limit.success) {
    throw new HttpProblem(
      "rate-limited",
      `Your sandbox sent more than ${limit.limit} requests this minute. Wait ${headers["retry-after"]} s (Retry-After), then go on.`,
    );
  }
}

/**
 * Where a request that presents no key may still find one, as if its cookie held it: a signed-in
 * browser's account sandbox (lib/accounts). The cookie is then set again on the response.
 */
export type KeyFallback = (req: NextRequest) => Promise<string | undefined>;

/**
 * Who is calling: the sandbox named by X-Sandbox-Key or the cookie. Nothing is created here; a
 * request without a usable key is 401 (or, where identification is optional, anonymous). A cookie
 * alone never authorizes a change from another site (CSRF). Every identified request counts
 * against its sandbox's rate limit before anything else is done for it, failures included.
 */
export async function identifySandbox(
  req: NextRequest,
  ctx: RequestContext,
  need: "required" | "optional",
  fallback?: KeyFallback,
): Promise<SandboxCaller | undefined> {
  let presented = presentedKey(req);
  if (!presented && fallback) {
    const key = await ctx.timing.span("session", "Find your account's sandbox", () =>
      fallback(req),
    );
    if (key) {
      presented = { key, from: "cookie" };
      ctx.headers.append("set-cookie", sandboxCookie(req, key));
    }
  }
  if (!presented) {
    if (need === "optional") return undefined;
    throw noKey();
  }
  if (presented.from === "cookie" && !SAFE_METHODS.includes(req.method) && isCrossOrigin(req)) {
    if (need === "optional") return undefined;
    throw new HttpProblem(
      "forbidden",
      `This request came from another site, and your sandbox cookie cannot authorize a change made from there. Send the key in ${SANDBOX_HEADER} instead.`,
    );
  }
  const id = await ctx.timing.span("sandbox", "Identify your sandbox", () =>
    idForKey(presented.key),
  );
  if (!id) {
    if (need === "optional") return undefined;
    throw unknownKey(presented.from);
  }
  await ctx.timing.span("ratelimit", "Check your request rate", () => limitRequests(id, ctx));
  // Only now is the request filed in the sandbox's log: one refused by the rate limit costs no
  // database write, so a flood cannot slow the database for everyone else.
  ctx.subject = id;
  return { id, key: presented.key, from: presented.from };
}
