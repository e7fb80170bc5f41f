import * as api from "@/lib/blog-api/contract";
import { deleteComment } from "@/lib/blog-api/service";
import { lessonApi } from "@/lib/sandbox/api";

// DELETE /api/v1/blog/posts/:slug/comments/:id — delete one comment of that post
const remove = lessonApi.route(api.deleteComment, {
  span: ["db", "Delete the comment"],
  run: ({ caller, params }) =>
    deleteComment({ sandboxId: caller.id, slug: params.slug, id: params.id }),
  respond: () => new Response(null, { status: 204 }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  DELETE: remove,
});
