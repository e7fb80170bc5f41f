import * as api from "@/lib/blog-api/contract";
import { publishPost } from "@/lib/blog-api/posts";
import { lessonApi } from "@/lib/sandbox/api";

// #region publish-route
// POST /api/v1/blog/posts/:slug/publish — a draft goes public, through blog_publish_post()
const publish = lessonApi.route(api.publishPost, {
  span: ["db", "Publish the draft with blog_publish_post(), in one transaction"],
  run: ({ caller, params }) => publishPost({ sandboxId: caller.id, slug: params.slug }),
  respond: (post) => Response.json(post),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  POST: publish,
});
