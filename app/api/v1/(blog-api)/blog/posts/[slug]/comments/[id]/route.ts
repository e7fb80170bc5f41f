import * as api from "@/lib/blog-api/contract";
import { deleteComment, getComment } from "@/lib/blog-api/service";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/blog/posts/:slug/comments/:id — one comment of that post (a new comment's Location)
const read = lessonApi.route(api.getComment, {
  run: ({ caller, params, ctx }) =>
    getComment({ sandboxId: caller.id, slug: params.slug, id: params.id, timing: ctx.timing }),
  respond: (comment, { req }) => jsonWithEtag(req, comment),
});

// DELETE /api/v1/blog/posts/:slug/comments/:id — delete one comment of that post
const remove = lessonApi.route(api.deleteComment, {
  span: ["db", "Delete the comment"],
  run: ({ caller, params }) =>
    deleteComment({ sandboxId: caller.id, slug: params.slug, id: params.id }),
  respond: () => new Response(null, { status: 204 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: read,
  DELETE: remove,
});
