import { requireUser } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// GET /api/v1/realworld/{publicId}/api/user — the user the token names
const show = realworldRoute(api.currentUser, {
  run: async ({ req, ctx, caller }) =>
    rw.currentUser(caller.sandboxId, await requireUser(req, ctx, caller)),
  respond: (result) => json(result),
});

// PUT /api/v1/realworld/{publicId}/api/user — change email, username, password, bio, image
const update = realworldRoute(api.updateUser, {
  run: async ({ req, ctx, caller, body }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "Update the user", () =>
      rw.updateUser(caller.sandboxId, me, body.user),
    );
  },
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  GET: show,
  PUT: update,
});
