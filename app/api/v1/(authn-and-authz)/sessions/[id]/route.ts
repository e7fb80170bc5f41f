import * as api from "@/lib/authn-and-authz/contract";
import { clearedSessionCookie } from "@/lib/authn-and-authz/cookie";
import { authenticateSession } from "@/lib/authn-and-authz/session-auth";
import { endSession, findUserSession, sessionView } from "@/lib/authn-and-authz/sessions";
import { HttpProblem } from "@/lib/http/problem";
import { lessonApi } from "@/lib/sandbox/api";

const notYours = (id: string) =>
  new HttpProblem(
    "not-found",
    `You have no session with id ${id.slice(0, 16)}${id.length > 16 ? "…" : ""}. GET /api/v1/sessions lists yours.`,
  );

// GET /api/v1/sessions/{id} — one of your sessions
const get = lessonApi.route(api.getSession, {
  run: async ({ req, ctx, caller, params }) => {
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    const row = await ctx.timing.span("db", "Find the session", () =>
      findUserSession({ sandboxId: caller.id, userId: user.id, id: params.id }),
    );
    if (!row) throw notYours(params.id);
    return sessionView(row, { current: user.session.id });
  },
  respond: (view) => Response.json(view),
});

// DELETE /api/v1/sessions/{id} — end one of your sessions ("log out that other device")
const revoke = lessonApi.route(api.revokeSession, {
  run: async ({ req, ctx, caller, params }) => {
    const user = await authenticateSession({ req, ctx, sandboxId: caller.id });
    // Only the caller's own: another user's session id is 404, like one that never existed.
    const ended = await ctx.timing.span("db", "End the session", () =>
      endSession({ sandboxId: caller.id, userId: user.id, id: params.id, reason: "revoked" }),
    );
    if (!ended) throw notYours(params.id);
    return ended.id === user.session.id;
  },
  respond: (wasCurrent, { req }) =>
    new Response(null, {
      status: 204,
      headers: wasCurrent ? { "set-cookie": clearedSessionCookie(req) } : {},
    }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: get,
  DELETE: revoke,
});
