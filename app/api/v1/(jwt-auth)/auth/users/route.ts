import { authenticate, requireRole } from "@/lib/jwt-auth/bearer";
import * as api from "@/lib/jwt-auth/contract";
import { lessonApi } from "@/lib/sandbox/api";
import { listAccounts, toAccountView } from "@/lib/sandbox-users/service";

// GET /api/v1/auth/users — every user of your sandbox, for admins only
const users = lessonApi.route(api.listUsers, {
  run: async ({ req, ctx, caller }) => {
    // 3. Who is asking (401 without a valid token), and may they (403 unless an admin)?
    const user = await authenticate({ req, ctx, sandboxId: caller.id });
    requireRole(user, "admin");
    // 4. Only then, the query.
    return ctx.timing.span("db", "List the users", () => listAccounts({ sandboxId: caller.id }));
  },
  respond: (rows) => Response.json({ data: rows.map(toAccountView) }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: users });
