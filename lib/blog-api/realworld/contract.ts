import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { wholeNumber } from "@/lib/http/fields";

/**
 * The RealWorld ("Conduit") API over the sandbox's blog, as its specification has it
 * (https://docs.realworld.show): the same shapes, status codes and `Authorization: Token`
 * auth, so any RealWorld frontend works against it. It is reached by the sandbox's public id, not
 * its key; errors are problem+json that also carry RealWorld's `errors: { field: [message] }`.
 *
 * Request bodies are read leniently (unknown members are ignored, not refused): RealWorld clients
 * send extra fields (an `id`, a `token` in the user they update), and the contract is theirs.
 */

export const BASE = "/api/v1/realworld/{publicId}/api";

const publicId = z
  .string()
  .describe("Your sandbox's public RealWorld id (rw_…), shown on /sandbox")
  .regex(/^rw_[a-z2-7]{20}$/, "is not a RealWorld public id");

const atBase = z.strictObject({ publicId });
const atUser = z.strictObject({
  publicId,
  username: z.string().min(1).max(40).describe("An author's username"),
});
const atArticle = z.strictObject({
  publicId,
  slug: z.string().min(1).max(120).describe("The article's slug"),
});
const atComment = z.strictObject({
  publicId,
  slug: z.string().min(1).max(120).describe("The article's slug"),
  id: wholeNumber(1, 2_147_483_647).describe("The comment's id"),
});

const blank = "can't be blank";
const noNul = (s: string) => !s.includes("\0");
const NUL = "must not contain NUL (\\u0000)";
const text = (max: number) =>
  z.string({ error: blank }).trim().min(1, blank).max(max).refine(noNul, NUL);
const username = text(40).regex(/^[\w.-]+$/, "may use only letters, digits, _ . and -");
const email = z.string({ error: blank }).trim().toLowerCase().pipe(z.email("is invalid").max(254));
const password = z
  .string({ error: blank })
  .min(8, "is too short (minimum is 8 characters)")
  .max(200, "is too long (maximum is 200 characters)");
/** RealWorld clients send "" for "no image" and for "no bio": kept as null. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(noNul, NUL)
    .nullable()
    .transform((v) => (v === null || v.trim() === "" ? null : v));
/**
 * RealWorld tags are free text; the blog's are lower-case words joined by hyphens (as the Blog
 * API's filters take them), so "Node JS" is stored and answered as "node-js".
 */
export function normalizeTag(tag: string): string {
  return tag
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 30)
    .replace(/-+$/, "");
}
const tagName = z
  .string()
  .max(100, "is too long (maximum is 100 characters)")
  .transform(normalizeTag)
  .pipe(z.string().min(1, "needs a letter or a digit"));
const tagList = z
  .array(tagName, { error: "must be a list of tags" })
  .max(10, "has too many tags (at most 10)")
  .transform((tags) => [...new Set(tags)]);

export const loginBody = z.object({
  user: z.object({ email, password: z.string({ error: blank }).min(1, blank).max(200) }),
});
export const registerBody = z.object({ user: z.object({ username, email, password }) });
export const updateUserBody = z.object({
  user: z.object({
    email: email.optional(),
    username: username.optional(),
    /** Empty: unchanged (RealWorld settings forms send the field blank). */
    password: z
      .string()
      .max(200)
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(password.optional()),
    bio: optionalText(2000).optional(),
    image: optionalText(2000).optional(),
  }),
});
export const newArticleBody = z.object({
  article: z.object({
    title: text(200),
    description: z.string({ error: blank }).trim().max(500).refine(noNul, NUL),
    body: text(50_000),
    tagList: tagList.optional(),
  }),
});
export const updateArticleBody = z.object({
  article: z.object({
    title: text(200).optional(),
    description: z.string().trim().max(500).refine(noNul, NUL).optional(),
    body: text(50_000).optional(),
    tagList: tagList.optional(),
  }),
});
export const newCommentBody = z.object({ comment: z.object({ body: text(5000) }) });

export const listQuery = z.object({
  tag: z
    .string()
    .max(100)
    .transform(normalizeTag)
    .optional()
    .describe(
      'Only articles with this tag, normalised as tags are stored ("AngularJS" finds angularjs)',
    ),
  author: z.string().max(40).optional().describe("Only articles by this username"),
  favorited: z.string().max(40).optional().describe("Only articles this username favorited"),
  limit: wholeNumber(1, 100).default(20).describe("At most this many articles"),
  offset: wholeNumber(0, 1_000_000).default(0).describe("Skip this many first"),
});
export const feedQuery = listQuery.pick({ limit: true, offset: true });

const iso = z.iso.datetime({ offset: true });

export const profileView = z.strictObject({
  username: z.string(),
  bio: z.string().nullable(),
  image: z.string().nullable(),
  following: z.boolean(),
});
export const userView = z.strictObject({
  email: z.string(),
  token: z.string().describe("Send it as Authorization: Token <token>"),
  username: z.string(),
  bio: z.string().nullable(),
  image: z.string().nullable(),
});
export const articleView = z.strictObject({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  body: z.string(),
  tagList: z.array(z.string()),
  createdAt: iso,
  updatedAt: iso,
  favorited: z.boolean(),
  favoritesCount: z.number().int(),
  author: profileView,
});
/** An article in a list: no body (RealWorld's spec dropped it from lists on 2024-08-16). */
export const articleListItem = articleView.omit({ body: true });
export const commentView = z.strictObject({
  id: z.number().int(),
  createdAt: iso,
  updatedAt: iso,
  body: z.string(),
  author: profileView,
});

export type ProfileView = z.infer<typeof profileView>;
export type UserView = z.infer<typeof userView>;
export type ArticleView = z.infer<typeof articleView>;
export type ArticleListItem = z.infer<typeof articleListItem>;
export type CommentView = z.infer<typeof commentView>;

const user = z.strictObject({ user: userView });
const profile = z.strictObject({ profile: profileView });
const article = z.strictObject({ article: articleView });
const articles = z.strictObject({
  articles: z.array(articleListItem),
  articlesCount: z.number().int(),
});

/** What every RealWorld operation's description says about its errors. */
const ERRORS_NOTE =
  'RealWorld\'s contract, reached by your blog\'s public id (no sandbox key). Its errors are application/problem+json whose `errors` member is RealWorld\'s object, field name to messages (`{"email": ["has already been taken"]}`), instead of the list the other APIs here send; a problem naming no field puts its detail under `body`. Invalid fields (422) have a type of their own, /learn/blog-api#realworld-errors, which defines `errors` as that object.';

/** Every RealWorld operation is reached by public id; these can all be refused like this. */
const reach = ["not-found", "forbidden"] as const;
const MAX_ARTICLE_BYTES = 64 * 1024;

export const login = defineOperation({
  method: "POST",
  path: `${BASE}/users/login`,
  summary: "RealWorld: log in (answers the user with a token)",
  publicId: true,
  description: ERRORS_NOTE,
  auth: "optional",
  params: atBase,
  body: loginBody,
  responses: { 200: { description: "You, with a token", body: user } },
  problems: [...reach, "invalid-credentials", "rate-limited"],
});

export const register = defineOperation({
  method: "POST",
  path: `${BASE}/users`,
  summary: "RealWorld: register a user (an author of your blog)",
  publicId: true,
  description: ERRORS_NOTE,
  auth: "optional",
  params: atBase,
  body: registerBody,
  responses: { 201: { description: "The new user, with a token", body: user } },
  problems: [...reach, "conflict"],
});

export const currentUser = defineOperation({
  method: "GET",
  path: `${BASE}/user`,
  summary: "RealWorld: the user the token names",
  publicId: true,
  description: ERRORS_NOTE,
  params: atBase,
  responses: { 200: { description: "You", body: user } },
  problems: reach,
});

export const updateUser = defineOperation({
  method: "PUT",
  path: `${BASE}/user`,
  summary: "RealWorld: change your email, username, password, bio or image",
  publicId: true,
  description: ERRORS_NOTE,
  params: atBase,
  body: updateUserBody,
  responses: { 200: { description: "You, changed", body: user } },
  problems: reach,
});

export const getProfile = defineOperation({
  method: "GET",
  path: `${BASE}/profiles/{username}`,
  summary: "RealWorld: an author's profile",
  publicId: true,
  description: ERRORS_NOTE,
  auth: "optional",
  params: atUser,
  responses: { 200: { description: "The profile", body: profile } },
  problems: reach,
});

export const follow = defineOperation({
  method: "POST",
  path: `${BASE}/profiles/{username}/follow`,
  summary: "RealWorld: follow an author",
  publicId: true,
  description: ERRORS_NOTE,
  params: atUser,
  responses: { 200: { description: "The profile, followed", body: profile } },
  problems: reach,
});

export const unfollow = defineOperation({
  method: "DELETE",
  path: `${BASE}/profiles/{username}/follow`,
  summary: "RealWorld: stop following an author",
  publicId: true,
  description: ERRORS_NOTE,
  params: atUser,
  responses: { 200: { description: "The profile, not followed", body: profile } },
  problems: reach,
});

export const listArticles = defineOperation({
  method: "GET",
  path: `${BASE}/articles`,
  summary: "RealWorld: published articles, newest first (by tag, author or favoriter)",
  publicId: true,
  description: ERRORS_NOTE,
  auth: "optional",
  params: atBase,
  query: listQuery,
  responses: { 200: { description: "A page of articles and how many match", body: articles } },
  problems: reach,
});

export const feed = defineOperation({
  method: "GET",
  path: `${BASE}/articles/feed`,
  summary: "RealWorld: articles by the authors you follow, newest first",
  publicId: true,
  description: ERRORS_NOTE,
  params: atBase,
  query: feedQuery,
  responses: { 200: { description: "A page of your feed", body: articles } },
  problems: reach,
});

export const getArticle = defineOperation({
  method: "GET",
  path: `${BASE}/articles/{slug}`,
  summary: "RealWorld: one published article",
  publicId: true,
  description: ERRORS_NOTE,
  auth: "optional",
  params: atArticle,
  responses: { 200: { description: "The article", body: article } },
  problems: reach,
});

export const createArticle = defineOperation({
  method: "POST",
  path: `${BASE}/articles`,
  summary: "RealWorld: publish an article",
  publicId: true,
  description: ERRORS_NOTE,
  params: atBase,
  body: newArticleBody,
  maxBodyBytes: MAX_ARTICLE_BYTES,
  responses: { 201: { description: "The article, published", body: article } },
  problems: [...reach, "conflict"],
});

export const updateArticle = defineOperation({
  method: "PUT",
  path: `${BASE}/articles/{slug}`,
  summary: "RealWorld: change your article (a new title gives it a new slug)",
  publicId: true,
  description: ERRORS_NOTE,
  params: atArticle,
  body: updateArticleBody,
  maxBodyBytes: MAX_ARTICLE_BYTES,
  responses: { 200: { description: "The article, changed", body: article } },
  problems: [...reach, "not-owner"],
});

export const deleteArticle = defineOperation({
  method: "DELETE",
  path: `${BASE}/articles/{slug}`,
  summary: "RealWorld: delete your article",
  publicId: true,
  description: ERRORS_NOTE,
  params: atArticle,
  responses: { 204: { description: "Deleted, with its comments and favorites" } },
  problems: [...reach, "not-owner"],
});

export const favorite = defineOperation({
  method: "POST",
  path: `${BASE}/articles/{slug}/favorite`,
  summary: "RealWorld: favorite an article",
  publicId: true,
  description: ERRORS_NOTE,
  params: atArticle,
  responses: { 200: { description: "The article, favorited", body: article } },
  problems: reach,
});

export const unfavorite = defineOperation({
  method: "DELETE",
  path: `${BASE}/articles/{slug}/favorite`,
  summary: "RealWorld: unfavorite an article",
  publicId: true,
  description: ERRORS_NOTE,
  params: atArticle,
  responses: { 200: { description: "The article, not favorited", body: article } },
  problems: reach,
});

export const listComments = defineOperation({
  method: "GET",
  path: `${BASE}/articles/{slug}/comments`,
  summary: "RealWorld: an article's comments, oldest first",
  publicId: true,
  description: ERRORS_NOTE,
  auth: "optional",
  params: atArticle,
  responses: {
    200: { description: "The comments", body: z.strictObject({ comments: z.array(commentView) }) },
  },
  problems: reach,
});

export const addComment = defineOperation({
  method: "POST",
  path: `${BASE}/articles/{slug}/comments`,
  summary: "RealWorld: comment on an article",
  publicId: true,
  description: ERRORS_NOTE,
  params: atArticle,
  body: newCommentBody,
  responses: {
    200: { description: "The comment", body: z.strictObject({ comment: commentView }) },
  },
  problems: [...reach, "conflict"],
});

export const deleteComment = defineOperation({
  method: "DELETE",
  path: `${BASE}/articles/{slug}/comments/{id}`,
  summary: "RealWorld: delete your comment",
  publicId: true,
  description: ERRORS_NOTE,
  params: atComment,
  responses: { 204: { description: "Deleted" } },
  problems: [...reach, "not-owner"],
});

export const listTags = defineOperation({
  method: "GET",
  path: `${BASE}/tags`,
  summary: "RealWorld: the tags of published articles, most used first",
  publicId: true,
  description: ERRORS_NOTE,
  auth: "optional",
  params: atBase,
  responses: {
    200: { description: "The tags", body: z.strictObject({ tags: z.array(z.string()) }) },
  },
  problems: reach,
});

export const realworldApi = [
  register,
  login,
  currentUser,
  updateUser,
  getProfile,
  follow,
  unfollow,
  listArticles,
  feed,
  getArticle,
  createArticle,
  updateArticle,
  deleteArticle,
  favorite,
  unfavorite,
  listComments,
  addComment,
  deleteComment,
  listTags,
] as const;
