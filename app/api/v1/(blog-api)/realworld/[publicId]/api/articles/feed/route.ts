import { requireUser } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// GET /api/v1/realworld/{publicId}/api/articles/feed — by the authors you follow
const feed = realworldRoute(api.feed, {
  run: async ({ req, ctx, caller, query }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "List your feed", () =>
      rw.listArticles(caller.sandboxId, me, { ...query, feedOf: me.id }),
    );
  },
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({ GET: feed });
