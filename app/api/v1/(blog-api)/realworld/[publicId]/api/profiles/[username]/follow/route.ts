import { requireUser } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// POST /api/v1/realworld/{publicId}/api/profiles/{username}/follow
const follow = realworldRoute(api.follow, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "Follow the author", () =>
      rw.setFollowing(caller.sandboxId, me, params.username, true),
    );
  },
  respond: (result) => json(result),
});

// DELETE /api/v1/realworld/{publicId}/api/profiles/{username}/follow
const unfollow = realworldRoute(api.unfollow, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "Unfollow the author", () =>
      rw.setFollowing(caller.sandboxId, me, params.username, false),
    );
  },
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  POST: follow,
  DELETE: unfollow,
});
