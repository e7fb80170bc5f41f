import { z } from "zod";
import { PATCH_TYPES } from "@/lib/http/constants";
import { defineOperation } from "@/lib/http/contract";
import { requiredString, wholeNumber } from "@/lib/http/fields";

/**
 * The Blog API's contract: authors, posts (by slug), their tags and comments, a signed-cursor list
 * with full-text search, and statistics. Handlers validate with it, tests check responses against
 * it, and /api/openapi.json is generated from it.
 */

/** How much one sandbox's blog may hold. */
export const BLOG_LIMITS = {
  authors: 50,
  posts: 200,
  comments: 1_000,
  tagsPerPost: 10,
  pageSize: 50,
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z
  .string()
  .max(80, "must be at most 80 characters")
  .regex(SLUG, "must be lower-case letters and digits in words joined by single hyphens");
const tagName = z
  .string()
  .max(30, "must be at most 30 characters")
  .regex(SLUG, "must be lower-case letters and digits in words joined by single hyphens");
const noNul = (s: string) => !s.includes("\0");
const text = (max: number) =>
  requiredString()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine(noNul, "must not contain NUL (\\u0000)");
const tagList = z
  .array(tagName)
  .max(BLOG_LIMITS.tagsPerPost, `has at most ${BLOG_LIMITS.tagsPerPost} tags`)
  .refine((tags) => new Set(tags).size === tags.length, "names each tag once")
  .describe("Tag names; a name the blog does not have yet becomes a new tag");
const authorId = z
  .number({ error: "must be an author's id (a whole number)" })
  .int("must be a whole number")
  .min(1, "must be an author's id (1 or more)");

// #region views
const authorRef = z.strictObject({ id: z.number().int(), username: z.string() });

export const authorView = z.strictObject({
  id: z.number().int(),
  username: z.string(),
  bio: z.string().nullable(),
  image: z.string().nullable(),
  postCount: z.number().int().describe("Posts by this author, drafts included"),
  createdAt: z.iso.datetime(),
});
export type AuthorView = z.infer<typeof authorView>;

/** A post in a list: no body, but its author, tags and comment count, all from one query. */
export const postSummary = z.strictObject({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(["draft", "published"]),
  author: authorRef,
  tags: z.array(z.string()).describe("Its tag names, alphabetical"),
  commentCount: z.number().int(),
  publishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  rank: z.number().optional().describe("With q: how well it matches (ts_rank), higher is better"),
});
export type PostSummary = z.infer<typeof postSummary>;

export const postView = postSummary.omit({ rank: true }).extend({ body: z.string() });
export type PostView = z.infer<typeof postView>;

export const commentView = z.strictObject({
  id: z.number().int(),
  body: z.string(),
  author: authorRef,
  createdAt: z.iso.datetime(),
});
export type CommentView = z.infer<typeof commentView>;
// #endregion

// #region list-query
export const POST_SORTS = ["newest", "oldest", "title", "relevance"] as const;
export type PostSort = (typeof POST_SORTS)[number];

export const listPostsQuery = z
  .strictObject({
    limit: wholeNumber(1, BLOG_LIMITS.pageSize).default(10),
    cursor: z
      .string()
      .max(1_000, "is not a cursor this API issued")
      .optional()
      .describe("nextCursor of the page before; its filters and sort must be sent with it"),
    author: z
      .string()
      .max(40, "must be at most 40 characters")
      .refine(noNul, "must not contain NUL (\\u0000)")
      .optional()
      .describe("Only this author's posts (a username)"),
    tag: tagName.optional().describe("Only posts with this tag"),
    status: z.enum(["draft", "published"], { error: "must be draft or published" }).optional(),
    q: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters")
      .refine(noNul, "must not contain NUL (\\u0000)")
      .optional()
      .describe('Full-text search, as typed into a search box: words, "a phrase", -without, or'),
    sort: z
      .enum(POST_SORTS, { error: `must be one of ${POST_SORTS.join(", ")}` })
      .optional()
      .describe("relevance (needs q; the default with q), newest (the default), oldest, title"),
  })
  .superRefine((query, ctx) => {
    if (query.sort === "relevance" && query.q === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["sort"],
        message: "relevance needs a search: send q too",
      });
  })
  .transform(({ sort, ...query }) => ({
    ...query,
    sort: sort ?? (query.q === undefined ? "newest" : "relevance"),
  }));
export type ListPostsQuery = z.output<typeof listPostsQuery>;
// #endregion

export const createAuthorBody = z.strictObject({
  username: z
    .string({ error: (i) => (i.input === undefined ? "is required" : "must be a string") })
    .regex(/^[a-z0-9_]{3,30}$/, "must be 3 to 30 lower-case letters, digits or _"),
  bio: text(500).optional(),
  image: z
    .url({ protocol: /^https$/, error: "must be an https URL" })
    .max(500)
    .optional(),
});

export const createPostBody = z.strictObject({
  authorId,
  title: text(200),
  description: text(300).optional(),
  body: text(10_000),
  slug: slug.optional().describe("Made from the title when left out"),
  tags: tagList.default([]),
  status: z
    .enum(["draft", "published"], { error: "must be draft or published" })
    .default("draft")
    .describe("published publishes it in the same transaction"),
});
export type CreatePostBody = z.output<typeof createPostBody>;

export const patchPostBody = z
  .strictObject({
    title: text(200).optional(),
    description: text(300).optional(),
    body: text(10_000).optional(),
    slug: slug.optional(),
    tags: tagList.optional().describe("The post's whole new set of tags"),
  })
  .refine((b) => Object.keys(b).length > 0, "changes at least one field");
export type PatchPostBody = z.output<typeof patchPostBody>;

export const createCommentBody = z.strictObject({ authorId, body: text(2_000) });

const authorParams = z.strictObject({ id: wholeNumber(1, 2_147_483_647) });
export const postParams = z.strictObject({ slug });
const commentParams = z.strictObject({ slug, id: wholeNumber(1, 2_147_483_647) });

const location = (what: string) => ({
  location: { description: `The new ${what}'s URL`, required: true },
});
const page = <T extends z.ZodType>(item: T) => z.strictObject({ data: z.array(item) });

// #region operations
export const listAuthors = defineOperation({
  method: "GET",
  path: "/api/v1/blog/authors",
  summary: "List the blog's authors, with how many posts each wrote",
  responses: { 200: { description: "Every author, oldest first", body: page(authorView) } },
});

export const createAuthor = defineOperation({
  method: "POST",
  path: "/api/v1/blog/authors",
  summary: "Add an author",
  body: createAuthorBody,
  responses: { 201: { description: "Added", body: authorView, headers: location("author") } },
  problems: ["conflict"],
});

export const getAuthor = defineOperation({
  method: "GET",
  path: "/api/v1/blog/authors/{id}",
  summary: "Read one author",
  params: authorParams,
  responses: { 200: { description: "The author", body: authorView } },
  problems: ["not-found"],
});

export const listPosts = defineOperation({
  method: "GET",
  path: "/api/v1/blog/posts",
  summary: "List posts: filters, sort, full-text search and a signed cursor",
  description:
    'Each post comes with its author, tags and comment count from one query. The next page is in Link rel="next" and nextCursor; a cursor is signed, so one changed by hand, or sent with other filters, is a 400.',
  query: listPostsQuery,
  responses: {
    200: {
      description: "A page of posts",
      body: z.strictObject({
        data: z.array(postSummary),
        nextCursor: z.string().nullable().describe("null on the last page"),
      }),
      headers: { link: { description: 'The next page, rel="next", when there is one' } },
    },
  },
  problems: ["invalid-cursor"],
});

export const createPost = defineOperation({
  method: "POST",
  path: "/api/v1/blog/posts",
  summary: "Write a post with its tags, in one transaction (a draft unless status says published)",
  body: createPostBody,
  responses: { 201: { description: "Written", body: postView, headers: location("post") } },
  problems: ["conflict"],
});

export const getPost = defineOperation({
  method: "GET",
  path: "/api/v1/blog/posts/{slug}",
  summary: "Read one post, with its body",
  params: postParams,
  responses: { 200: { description: "The post", body: postView } },
  problems: ["not-found"],
});

export const patchPost = defineOperation({
  method: "PATCH",
  path: "/api/v1/blog/posts/{slug}",
  summary: "Change a post: only the fields sent; tags replaces its whole set of tags",
  params: postParams,
  body: patchPostBody,
  bodyTypes: PATCH_TYPES,
  responses: { 200: { description: "The post as it is now", body: postView } },
  problems: ["not-found", "conflict"],
});

export const deletePost = defineOperation({
  method: "DELETE",
  path: "/api/v1/blog/posts/{slug}",
  summary: "Delete a post, with its comments",
  params: postParams,
  responses: { 204: { description: "Deleted" } },
  problems: ["not-found"],
});

export const publishPost = defineOperation({
  method: "POST",
  path: "/api/v1/blog/posts/{slug}/publish",
  summary: "Publish a draft, through the Postgres function blog_publish_post",
  params: postParams,
  responses: { 200: { description: "Published now", body: postView } },
  problems: ["not-found", "conflict"],
});

export const listComments = defineOperation({
  method: "GET",
  path: "/api/v1/blog/posts/{slug}/comments",
  summary: "A post's comments, oldest first",
  params: postParams,
  responses: { 200: { description: "Its comments", body: page(commentView) } },
  problems: ["not-found"],
});

export const createComment = defineOperation({
  method: "POST",
  path: "/api/v1/blog/posts/{slug}/comments",
  summary: "Comment on a published post",
  params: postParams,
  body: createCommentBody,
  responses: { 201: { description: "Added", body: commentView, headers: location("comment") } },
  problems: ["not-found", "conflict"],
});

export const deleteComment = defineOperation({
  method: "DELETE",
  path: "/api/v1/blog/posts/{slug}/comments/{id}",
  summary: "Delete a comment",
  params: commentParams,
  responses: { 204: { description: "Deleted" } },
  problems: ["not-found"],
});

export const listTags = defineOperation({
  method: "GET",
  path: "/api/v1/blog/tags",
  summary: "Every tag, with how many posts carry it",
  responses: {
    200: {
      description: "Most used first",
      body: page(z.strictObject({ name: z.string(), posts: z.number().int() })),
    },
  },
});

export const blogStats = defineOperation({
  method: "GET",
  path: "/api/v1/blog/stats",
  summary: "Published posts per tag and per author per month, and the most commented posts",
  responses: {
    200: {
      description: "Aggregates over the published posts",
      body: z.strictObject({
        postsPerTag: z.array(z.strictObject({ tag: z.string(), posts: z.number().int() })),
        postsPerAuthorPerMonth: z.array(
          z.strictObject({
            author: z.string(),
            month: z.string().describe("YYYY-MM, of publishedAt in UTC"),
            posts: z.number().int(),
          }),
        ),
        mostCommented: z.array(
          z.strictObject({ slug: z.string(), title: z.string(), comments: z.number().int() }),
        ),
      }),
    },
  },
});
// #endregion

export const blogApi = [
  listAuthors,
  createAuthor,
  getAuthor,
  listPosts,
  createPost,
  getPost,
  patchPost,
  deletePost,
  publishPost,
  listComments,
  createComment,
  deleteComment,
  listTags,
  blogStats,
] as const;
