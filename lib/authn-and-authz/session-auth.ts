import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import type { UserSession } from "@/db/schema/authn-and-authz";
import type { Role } from "@/db/schema/sandbox-users";
import { HEADER, SAFE_METHODS } from "@/lib/http/constants";
import { isCrossOrigin } from "@/lib/http/origin";
import { HttpProblem } from "@/lib/http/problem";
import type { RequestContext } from "@/lib/http/route";
import { CSRF_HEADER, clearedSessionCookie, cookieChallenge, SESSION_COOKIE } from "./cookie";
import {
  csrfTokenFor,
  findSession,
  type Lookup,
  SESSION_TOKEN_FORMAT,
  touchSession,
} from "./sessions";

/** The user a request acts as, by its session cookie. */
export type SessionCaller = {
  id: number;
  email: string;
  role: Role;
  session: UserSession;
  /** The session's CSRF token, derived from the cookie (login and /me show it). */
  csrfToken: string;
};

const END_REASONS = {
  logout: "a logout ended it on the server.",
  login: "a newer login from the same browser replaced it.",
  revoked: "it was revoked (DELETE /api/v1/sessions/{id}).",
} as const;

function invalidSession(req: NextRequest, ctx: RequestContext, why: string): HttpProblem {
  // The browser can forget a cookie that will never work again.
  ctx.headers.append("set-cookie", clearedSessionCookie(req));
  return new HttpProblem("invalid-session", `${why} Log in again.`, { headers: cookieChallenge() });
}

function refusal(lookup: Exclude<Lookup, { outcome: "valid" }>): string {
  switch (lookup.outcome) {
    case "unknown":
      return "No session of your sandbox has the token in your session cookie: it was never issued here (another sandbox's?), or it was deleted (a reset, or logins beyond the ten kept).";
    case "ended":
      return `The session in your cookie has ended: ${END_REASONS[lookup.reason]}`;
    case "idle":
      return "Your session expired: it was not used for longer than the idle timeout.";
    case "expired":
      return "Your session expired: it reached its absolute lifetime, which no activity extends.";
  }
}

function csrfRejected(detail: string): HttpProblem {
  return new HttpProblem("csrf-rejected", `${detail} Nothing was changed.`);
}

/** Equal strings, compared in time that does not depend on where they differ. */
function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

// #region same-origin
/**
 * A change (any method but GET, HEAD, OPTIONS) must come from this site's own
 * pages. Browsers say where a request came from in Sec-Fetch-Site, and older ones
 * at least in Origin; a request with neither did not come from another site's page
 * (curl, a script, a server).
 */
export function requireSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.includes(req.method) || !isCrossOrigin(req)) return;
  const from =
    req.headers.get(HEADER.secFetchSite) ?? `Origin ${req.headers.get(HEADER.origin) ?? "?"}`;
  throw csrfRejected(
    `This request came from another origin (${from}), and a session cookie never authorizes a change made from another site's page.`,
  );
}
// #endregion

// #region authenticate
/**
 * Who is calling, by the session cookie, for the user of this sandbox it names. In
 * order:
 * 1. a change must come from this origin (403);
 * 2. no cookie is 401, and so is one naming no live session of this sandbox (logged
 *    out, replaced, revoked, idle too long, past its absolute expiry, or another
 *    sandbox's);
 * 3. a change must carry the session's CSRF token in X-CSRF-Token (403);
 * 4. the session is marked used, which restarts its idle timeout.
 */
export async function authenticateSession({
  req,
  ctx,
  sandboxId,
}: {
  req: NextRequest;
  ctx: RequestContext;
  sandboxId: string;
}): Promise<SessionCaller> {
  requireSameOrigin(req);
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    throw new HttpProblem(
      "session-required",
      "No session cookie came with this request. Log in with POST /api/v1/sessions/login: the answer sets it, and your browser sends it back to /api/v1/sessions/… by itself.",
      { headers: cookieChallenge() },
    );
  }
  if (!SESSION_TOKEN_FORMAT.test(token)) {
    throw invalidSession(req, ctx, "The session cookie does not hold a token this server makes.");
  }
  const found = await ctx.timing.span("session", "Find your session", () =>
    findSession({ sandboxId, token }),
  );
  if (found.outcome !== "valid") throw invalidSession(req, ctx, refusal(found));
  const csrfToken = csrfTokenFor(token);
  if (!SAFE_METHODS.includes(req.method)) {
    const sent = req.headers.get(CSRF_HEADER);
    if (!sent) {
      throw csrfRejected(
        "A change authorized by a session cookie must carry the session's CSRF token in X-CSRF-Token (login and GET /api/v1/sessions/me answer it as csrfToken).",
      );
    }
    if (!sameToken(sent, csrfToken)) {
      throw csrfRejected("X-CSRF-Token is not your session's CSRF token.");
    }
  }
  const lastSeenAt = await ctx.timing.span("touch", "Restart the idle timeout", () =>
    touchSession({ sandboxId, id: found.session.id }),
  );
  const { user } = found;
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    session: { ...found.session, lastSeenAt },
    csrfToken,
  };
}
// #endregion

// #region require-role
/** 403 unless the caller has `role`: they are known (so not 401), and not allowed. */
export function requireRole(caller: SessionCaller, role: Role): void {
  if (caller.role === role) return;
  throw new HttpProblem(
    "insufficient-role",
    `Only ${role}s may do this; you are logged in as ${caller.email}, a ${caller.role}. Logging in again as the same user will not change that.`,
  );
}
// #endregion
