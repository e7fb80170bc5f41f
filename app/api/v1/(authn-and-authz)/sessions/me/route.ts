import * as api from "@/lib/authn-and-authz/contract";
import { authenticateSession } from "@/lib/authn-and-authz/session-auth";
import { sessionView } from "@/lib/authn-and-authz/sessions";
import { accountView } from "@/lib/jwt-auth/service";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/sessions/me — who your session cookie says you are
const me = lessonApi.route(api.me, {
  // 3. Find the session the cookie names, in your sandbox; 401 if none is live.
  run: ({ req, ctx, caller }) => authenticateSession({ req, ctx, sandboxId: caller.id }),
  // 4. You, your session (its idle timeout just restarted) and its CSRF token, for a reloaded page.
  respond: (user) =>
    Response.json({
      user: accountView(user),
      session: sessionView(user.session, { current: user.session.id }),
      csrfToken: user.csrfToken,
    }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: me });
