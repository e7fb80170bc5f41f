import { authenticate } from "@/lib/jwt-auth/bearer";
import * as api from "@/lib/jwt-auth/contract";
import { endSession } from "@/lib/jwt-auth/sessions";
import { lessonApi } from "@/lib/sandbox/api";

// POST /api/v1/auth/logout — end the session your access token belongs to
const logout = lessonApi.route(api.logout, {
  run: async ({ req, ctx, caller }) => {
    // 3. Who is logging out: the session named by the token's sid claim.
    const user = await authenticate({ req, ctx, sandboxId: caller.id });
    // 4. Revoke it: its refresh token and every access token naming it stop working.
    await ctx.timing.span("db", "End the session", () =>
      endSession({ sandboxId: caller.id, familyId: user.sessionId }),
    );
  },
  respond: () => new Response(null, { status: 204 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  POST: logout,
});
