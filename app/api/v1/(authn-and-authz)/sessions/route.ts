import * as api from "@/lib/authn-and-authz/contract";
import { authenticateSession } from "@/lib/authn-and-authz/session-auth";
import { listSessions, sessionView } from "@/lib/authn-and-authz/sessions";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/sessions — your sessions, newest first
const list = lessonApi.route(api.listSessions, {
  run: async ({ req, ctx, caller }) => {
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    const rows = await ctx.timing.span("db", "List your sessions", () =>
      listSessions({ sandboxId: caller.id, userId: user.id }),
    );
    return rows.map((row) => sessionView(row, { current: user.session.id }));
  },
  respond: (data) => Response.json({ data }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: list });
