import { authenticate } from "@/lib/jwt-auth/bearer";
import * as api from "@/lib/jwt-auth/contract";
import { accountView } from "@/lib/jwt-auth/service";
import { lessonApi } from "@/lib/sandbox/api";

// #region me
// GET /api/v1/auth/me — the user your access token belongs to
const me = lessonApi.route(api.me, {
  // 3. Verify the Bearer token, then find its user and session (both timed as their own spans).
  run: ({ req, ctx, caller }) => authenticate({ req, ctx, sandboxId: caller.id }),
  // 4. Who you are, as the database says now (a role changed since login shows here).
  respond: (user) => Response.json(accountView(user)),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: me });
