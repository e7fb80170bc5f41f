import * as api from "@/lib/authn-and-authz/contract";
import { cookieChallenge, SESSION_COOKIE, sessionCookie } from "@/lib/authn-and-authz/cookie";
import { requireSameOrigin } from "@/lib/authn-and-authz/session-auth";
import {
  csrfTokenFor,
  sessionLifetime,
  sessionView,
  startSession,
} from "@/lib/authn-and-authz/sessions";
import { clientAddress } from "@/lib/http/client";
import { HttpProblem } from "@/lib/http/problem";
import { accountView } from "@/lib/jwt-auth/service";
import { lessonApi } from "@/lib/sandbox/api";
import { limitLoginAttempt } from "@/lib/sandbox-users/login-limits";
import { checkCredentials } from "@/lib/sandbox-users/service";

// #region login
// POST /api/v1/sessions/login — log in as one of your sandbox's users, for a
// session cookie
const login = lessonApi.route(api.login, {
  run: async ({ req, ctx, caller, body }) => {
    const sandboxId = caller.id;
    // 3. Only from this site's pages (or curl): another site may not log you in
    // (login CSRF).
    requireSameOrigin(req);
    // 4. Count the attempt, per email and per client address, before any password
    // is checked.
    await ctx.timing.span("limit", "Count the login attempt", () =>
      limitLoginAttempt({ sandboxId, email: body.email, address: clientAddress(req) }),
    );
    // 5. One argon2id verification, whether or not the email has an account; the
    // same answer.
    const user = await ctx.timing.span("password", "Check the password (argon2id)", () =>
      checkCredentials({ sandboxId, ...body }),
    );
    if (!user) {
      throw new HttpProblem(
        "invalid-credentials",
        "No account in your sandbox has that email and password.",
        { headers: cookieChallenge() },
      );
    }
    // 6. A new session with a new random token; the one this browser's cookie held,
    // if any, ends.
    const lifetime = sessionLifetime();
    const { token, session } = await ctx.timing.span("db", "Start a new session", () =>
      startSession({
        sandboxId,
        userId: user.id,
        userAgent: req.headers.get("user-agent"),
        replacing: req.cookies.get(SESSION_COOKIE)?.value,
        lifetime,
      }),
    );
    // 7. The cookie carries the token; the body, the CSRF token that goes with it.
    ctx.headers.append("set-cookie", sessionCookie(req, token, lifetime.absoluteSeconds));
    return {
      user: accountView(user),
      session: sessionView(session, { current: session.id, lifetime }),
      csrfToken: csrfTokenFor(token),
    };
  },
  // 8. 200; the kit adds Cache-Control: no-store.
  respond: (loggedIn) => Response.json(loggedIn),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  POST: login,
});
