import { requireUser, userOf } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// GET /api/v1/realworld/{publicId}/api/articles — published articles, newest first
const list = realworldRoute(api.listArticles, {
  run: async ({ req, ctx, caller, query }) => {
    const me = await userOf(req, ctx, caller, "optional");
    return ctx.timing.span("db", "List the articles", () =>
      rw.listArticles(caller.sandboxId, me, query),
    );
  },
  respond: (result) => json(result),
});

// POST /api/v1/realworld/{publicId}/api/articles — publish an article
const create = realworldRoute(api.createArticle, {
  run: async ({ req, ctx, caller, body }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "Publish the article with its tags", () =>
      rw.createArticle(caller.sandboxId, me, body.article),
    );
  },
  respond: (result) => json(result, 201),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  GET: list,
  POST: create,
});
