import { requireUser, userOf } from "@/lib/blog-api/realworld/auth";
import * as api from "@/lib/blog-api/realworld/contract";
import { json, realworldMethods, realworldRoute } from "@/lib/blog-api/realworld/http";
import * as rw from "@/lib/blog-api/realworld/service";

// GET /api/v1/realworld/{publicId}/api/articles/{slug}/comments — oldest first
const list = realworldRoute(api.listComments, {
  run: async ({ req, ctx, caller, params }) => {
    const me = await userOf(req, ctx, caller, "optional");
    return ctx.timing.span("db", "List the comments", () =>
      rw.listComments(caller.sandboxId, params.slug, me),
    );
  },
  respond: (result) => json(result),
});

// POST /api/v1/realworld/{publicId}/api/articles/{slug}/comments
const add = realworldRoute(api.addComment, {
  run: async ({ req, ctx, caller, params, body }) => {
    const me = await requireUser(req, ctx, caller);
    return ctx.timing.span("db", "Add the comment", () =>
      rw.addComment(caller.sandboxId, me, params.slug, body.comment.body),
    );
  },
  respond: (result) => json(result),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = realworldMethods({
  GET: list,
  POST: add,
});
