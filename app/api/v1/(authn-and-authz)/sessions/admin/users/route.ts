import * as api from "@/lib/authn-and-authz/contract";
import { authenticateSession, requireRole } from "@/lib/authn-and-authz/session-auth";
import { lessonApi } from "@/lib/sandbox/api";
import { listAccounts, toAccountView } from "@/lib/sandbox-users/service";

// #region admin-users
// GET /api/v1/sessions/admin/users — every user of your sandbox, for admins only
const users = lessonApi.route(api.listUsers, {
  run: async ({ req, ctx, caller }) => {
    // 3. Authentication: who is asking? No live session: 401.
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    // 4. Authorization: may they? Known, but not an admin: 403.
    requireRole(user, "admin");
    // 5. Only then, the query.
    return ctx.timing.span("db", "List the users", () => listAccounts({ sandboxId: caller.id }));
  },
  respond: (rows) => Response.json({ data: rows.map(toAccountView) }),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: users });
