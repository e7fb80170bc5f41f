import { gt, sql } from "drizzle-orm";
import { blogPostTag } from "@/db/schema/blog-api";
import { SEED_POSTS } from "@/lib/blog-api/seed";
import { type Check, matches, requested } from "@/lib/lessons/checks";
import { ownedBy } from "@/lib/sandbox/scope";

const POSTS = "/api/v1/blog/posts";
const POST = /^\/api\/v1\/blog\/posts\/[^/]+$/;
const PUBLISH = /^\/api\/v1\/blog\/posts\/[^/]+\/publish$/;

/** What "Check my work" looks for in your sandbox's request log. */
export const checks: Check[] = [
  {
    id: "created-post-with-tags",
    title: "You created a post with tags and got 201 with a Location",
    hint: "POST a title, a body, an authorId and a list of tag names (one of them new) to /api/v1/blog/posts.",
    test: async ({ db, sandboxId, log }) => {
      if (!log.some((e) => matches(e, { method: "POST", path: POSTS, status: 201 }))) return false;
      // A post of yours (not one of the seeded 1–8) that still has tags.
      const [row] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(blogPostTag)
        .where(ownedBy(blogPostTag, sandboxId, gt(blogPostTag.postId, SEED_POSTS.length)));
      return (row?.n ?? 0) > 0;
    },
  },
  requested(
    {
      id: "followed-cursor",
      title: "You followed a next cursor to the second page of posts",
      hint: "List posts with a small limit, then send the URL in the Link header (or the nextCursor) back.",
    },
    { method: "GET", path: POSTS, status: 200, query: { cursor: true } },
  ),
  requested(
    {
      id: "searched",
      title: "You searched the posts with full-text search",
      hint: "List posts with q set to a few words, as you would type them into a search box.",
    },
    { method: "GET", path: POSTS, status: 200, query: { q: true } },
  ),
  requested(
    {
      id: "published",
      title: "You published a draft",
      hint: "Create a post (a new post is a draft), then POST to its publish URL.",
    },
    { method: "POST", path: PUBLISH, status: 200 },
  ),
  requested(
    {
      id: "tampered-cursor",
      title: "A cursor you changed by hand was refused with 400",
      hint: "Take a nextCursor, change one character of it, and list posts with it.",
    },
    { method: "GET", path: POSTS, status: 400, query: { cursor: true } },
  ),
  requested(
    {
      id: "read-post",
      title: "You read one post by its slug, with its tags and comment count",
      hint: "GET /api/v1/blog/posts/<slug>, for a slug from the list.",
    },
    { method: "GET", path: POST, status: 200 },
  ),
];
