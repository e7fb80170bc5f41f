import * as api from "@/lib/blog-api/contract";
import { deletePost, getPost, updatePost } from "@/lib/blog-api/posts";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/blog/posts/:slug — one post, with its body, tags and comment count
const read = lessonApi.route(api.getPost, {
  run: ({ caller, params, ctx }) =>
    getPost({ sandboxId: caller.id, slug: params.slug, timing: ctx.timing }),
  respond: (post, { req }) => jsonWithEtag(req, post),
});

// PATCH /api/v1/blog/posts/:slug — only the fields sent change; tags replaces the whole set
const patch = lessonApi.route(api.patchPost, {
  span: ["db", "Update the post (and its tags), in one transaction"],
  run: ({ caller, params, body }) =>
    updatePost({ sandboxId: caller.id, slug: params.slug, changes: body }),
  respond: (post) => Response.json(post),
});

// DELETE /api/v1/blog/posts/:slug — the post goes, and its comments and tag links with it
const remove = lessonApi.route(api.deletePost, {
  span: ["db", "Delete the post"],
  run: ({ caller, params }) => deletePost({ sandboxId: caller.id, slug: params.slug }),
  respond: () => new Response(null, { status: 204 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: read,
  PATCH: patch,
  DELETE: remove,
});
