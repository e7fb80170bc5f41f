import * as api from "@/lib/blog-api/contract";
import { createComment, listComments } from "@/lib/blog-api/service";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/blog/posts/:slug/comments — the post's comments, oldest first
const list = lessonApi.route(api.listComments, {
  run: ({ caller, params, ctx }) =>
    listComments({ sandboxId: caller.id, slug: params.slug, timing: ctx.timing }),
  respond: (data, { req }) => jsonWithEtag(req, { data }),
});

// POST /api/v1/blog/posts/:slug/comments — comment on a published post (a draft: 409)
const create = lessonApi.route(api.createComment, {
  span: ["db", "Insert the comment"],
  run: ({ caller, params, body }) =>
    createComment({ sandboxId: caller.id, slug: params.slug, comment: body }),
  respond: (comment, { params }) =>
    Response.json(comment, {
      status: 201,
      headers: { location: `/api/v1/blog/posts/${params.slug}/comments/${comment.id}` },
    }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: create,
});
