import * as api from "@/lib/blog-api/contract";
import { decodeCursor, encodeCursor } from "@/lib/blog-api/cursor";
import { createPost, listPosts } from "@/lib/blog-api/posts";
import { jsonWithEtag } from "@/lib/http/respond";
import { lessonApi } from "@/lib/sandbox/api";

// #region list
// GET /api/v1/blog/posts — a page of posts, filtered, searched, sorted, continued by cursor
const list = lessonApi.route(api.listPosts, {
  run: async ({ caller, ctx, query: { cursor, ...list } }) => {
    // 1. A cursor this API did not issue for this very list (edited, forged, other filters,
    //    another sandbox) is a 400 before any query runs.
    const after = cursor ? decodeCursor(caller.id, cursor, list) : undefined;
    // 2. One query: the posts after the cursor, with authors, tags and comment counts.
    return listPosts({ sandboxId: caller.id, query: list, after, timing: ctx.timing });
  },
  // 3. The page, and the signed cursor of the next one in nextCursor and Link rel="next".
  respond: ({ posts, next }, { req, caller, query: { cursor: _, ...list } }) => {
    const nextCursor = next ? encodeCursor(caller.id, next, list) : null;
    const headers: Record<string, string> = {};
    if (nextCursor) headers.link = `<${nextPage(req.nextUrl, nextCursor)}>; rel="next"`;
    return jsonWithEtag(req, { data: posts, nextCursor }, { headers });
  },
});
// #endregion

function nextPage(url: URL, cursor: string): string {
  const next = new URL(url);
  next.searchParams.set("cursor", cursor);
  return `${next.pathname}${next.search}`;
}

// #region create
// POST /api/v1/blog/posts — a post and its tags in one transaction: all of it, or nothing
const create = lessonApi.route(api.createPost, {
  span: ["db", "Insert the post and its tags, in one transaction"],
  run: ({ caller, body }) => createPost({ sandboxId: caller.id, post: body }),
  respond: (post) =>
    Response.json(post, {
      status: 201,
      headers: { location: `/api/v1/blog/posts/${post.slug}` },
    }),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: create,
});
