import { requireUser, userOf } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// GET /api/v1/realworld/{publicId}/api/articles/{slug}
const show = realworldRoute(api.getArticle, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await userOf(req, ctx, caller, "optional");
    return ctx.timing.span("db", "Read the article", () =>
      rw.getArticle(caller.sandboxId, params.slug, me),
    );
  },
  respond: (result) => json(result),
});

// PUT /api/v1/realworld/{publicId}/api/articles/{slug} — yours only
const update = realworldRoute(api.updateArticle, {
  run: async ({ req, ctx, caller, params, body }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "Update the article", () =>
      rw.updateArticle(caller.sandboxId, me, params.slug, body.article),
    );
  },
  respond: (result) => json(result),
});

// DELETE /api/v1/realworld/{publicId}/api/articles/{slug} — yours only
const remove = realworldRoute(api.deleteArticle, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await requireUser(req, ctx, caller);
    await ctx.timing.span("db", "Delete the article", () =>
      rw.deleteArticle(caller.sandboxId, me, params.slug),
    );
  },
  respond: () => new Response(null, { status: 204 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  GET: show,
  PUT: update,
  DELETE: remove,
});
