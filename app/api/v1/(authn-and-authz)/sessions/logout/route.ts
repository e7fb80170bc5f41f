import * as api from "@/lib/authn-and-authz/contract";
import { clearedSessionCookie } from "@/lib/authn-and-authz/cookie";
import { authenticateSession } from "@/lib/authn-and-authz/session-auth";
import { endSession } from "@/lib/authn-and-authz/sessions";
import { lessonApi } from "@/lib/sandbox/api";

// #region logout
// POST /api/v1/sessions/logout — end your session on the server, and clear the
// cookie
const logout = lessonApi.route(api.logout, {
  run: async ({ req, ctx, caller }) => {
    // 3. A change: same origin, a live session, and its CSRF token.
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    // 4. Revoke it in the database: a copy of the cookie is worth nothing from now
    // on.
    await ctx.timing.span("db", "End the session", () =>
      endSession({ sandboxId: caller.id, userId: user.id, id: user.session.id, reason: "logout" }),
    );
  },
  // 5. And ask the browser to forget the cookie (Max-Age=0).
  respond: (_, { req }) =>
    new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(req) } }),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  POST: logout,
});
