import { requireUser } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// POST /api/v1/realworld/{publicId}/api/articles/{slug}/favorite
const favorite = realworldRoute(api.favorite, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "Favorite the article", () =>
      rw.setFavorite(caller.sandboxId, me, params.slug, true),
    );
  },
  respond: (result) => json(result),
});

// DELETE /api/v1/realworld/{publicId}/api/articles/{slug}/favorite
const unfavorite = realworldRoute(api.unfavorite, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "Unfavorite the article", () =>
      rw.setFavorite(caller.sandboxId, me, params.slug, false),
    );
  },
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  POST: favorite,
  DELETE: unfavorite,
});
