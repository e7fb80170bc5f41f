import { and, asc, count, desc, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import {
  type BlogAuthor,
  blogAuthor,
  blogComment,
  blogFavorite,
  blogFollow,
  blogPost,
  blogPostTag,
  blogTag,
} from "@/db/schema/blog-api";
import { HttpProblem } from "@/lib/http/problem";
import { hashPassword, passwordMatches } from "@/lib/password";
import { claimIds } from "@/lib/sandbox/counter";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import { isUniqueViolation, withinLimit } from "../queries";
import { AUTHOR_IDS, COMMENT_IDS, POST_IDS, TAG_IDS } from "../seed";
import type { ArticleListItem, ArticleView, CommentView, ProfileView, UserView } from "./contract";
import { signToken } from "./token";

/**
 * The RealWorld API over the sandbox's blog: a user is an author with an email and a password, an
 * article a published post. Drafts do not exist for RealWorld. Every query starts from the
 * sandbox (ownedBy), so a public id reaches its own blog and nothing else.
 */

type Viewer = Pick<BlogAuthor, "id"> | undefined;

/** 422 naming a RealWorld field, as its frontends show it: "email has already been taken". */
export const fieldProblem = (field: string, message: string, detail?: string) =>
  new HttpProblem("validation", detail ?? `${field} ${message}.`, {
    errors: [{ in: "body", field, message }],
  });

const notFound = (what: "article" | "profile" | "comment") =>
  new HttpProblem("not-found", `No ${what} here by that name.`, {
    errors: [{ in: "path", field: what, message: "not found" }],
  });

// ---------------------------------------------------------------- users

async function userView(sandboxId: string, author: BlogAuthor): Promise<{ user: UserView }> {
  return {
    user: {
      email: author.email ?? "",
      token: await signToken(sandboxId, author),
      username: author.username,
      bio: author.bio,
      image: author.image,
    },
  };
}

/** Which of email and username another author of the blog has already (422s, both if both). */
async function taken(
  tx: Transaction,
  sandboxId: string,
  wanted: { email?: string; username?: string },
  except?: number,
): Promise<void> {
  const rows = await tx
    .select({ id: blogAuthor.id, email: blogAuthor.email, username: blogAuthor.username })
    .from(blogAuthor)
    .where(
      ownedBy(
        blogAuthor,
        sandboxId,
        sql`(${blogAuthor.email} = ${wanted.email ?? null} or ${blogAuthor.username} = ${wanted.username ?? null})`,
      ),
    );
  const others = rows.filter((r) => r.id !== except);
  const errors: { in: "body"; field: string; message: string }[] = [];
  if (wanted.email && others.some((r) => r.email === wanted.email))
    errors.push({ in: "body", field: "email", message: "has already been taken" });
  if (wanted.username && others.some((r) => r.username === wanted.username))
    errors.push({ in: "body", field: "username", message: "has already been taken" });
  if (errors.length > 0) {
    throw new HttpProblem(
      "validation",
      `${errors.map((e) => e.field).join(" and ")} already taken in this blog.`,
      { errors },
    );
  }
}

const takenRace = () =>
  fieldProblem("email or username", "has already been taken", "Already taken in this blog.");

// #region register
export async function register(
  sandboxId: string,
  input: { username: string; email: string; password: string },
): Promise<{ user: UserView }> {
  const passwordHash = await hashPassword(input.password);
  try {
    const author = await sandboxTransaction(sandboxId, async (tx) => {
      await taken(tx, sandboxId, input);
      await withinLimit(tx, sandboxId, "authors");
      const id = await claimIds(tx, { sandboxId, name: AUTHOR_IDS });
      const [row] = await tx
        .insert(blogAuthor)
        .values({ id, sandboxId, username: input.username, email: input.email, passwordHash })
        .returning();
      return row as BlogAuthor;
    });
    return userView(sandboxId, author);
  } catch (error) {
    if (isUniqueViolation(error)) throw takenRace();
    throw error;
  }
}
// #endregion

export async function login(
  sandboxId: string,
  input: { email: string; password: string },
): Promise<{ user: UserView }> {
  const db = await getDb();
  const [author] = await db
    .select()
    .from(blogAuthor)
    .where(ownedBy(blogAuthor, sandboxId, eq(blogAuthor.email, input.email)));
  // The same work (one argon2 verification) whether or not the email is known.
  if (!author || !(await passwordMatches(input.password, author.passwordHash))) {
    throw new HttpProblem(
      "invalid-credentials",
      "No user of this blog has that email and password.",
      {
        errors: [{ in: "body", field: "email or password", message: "is invalid" }],
      },
    );
  }
  return userView(sandboxId, author);
}

/** The author a verified token names, if they still exist as the same author. */
export async function authorOf(
  sandboxId: string,
  claims: { authorId: number; created: number },
): Promise<BlogAuthor | undefined> {
  const db = await getDb();
  const [author] = await db
    .select()
    .from(blogAuthor)
    .where(ownedBy(blogAuthor, sandboxId, eq(blogAuthor.id, claims.authorId)));
  return author && author.createdAt.getTime() === claims.created ? author : undefined;
}

export const currentUser = (sandboxId: string, me: BlogAuthor) => userView(sandboxId, me);

export async function updateUser(
  sandboxId: string,
  me: BlogAuthor,
  input: {
    email?: string;
    username?: string;
    password?: string;
    bio?: string | null;
    image?: string | null;
  },
): Promise<{ user: UserView }> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  try {
    const author = await sandboxTransaction(sandboxId, async (tx) => {
      await taken(tx, sandboxId, { email: input.email, username: input.username }, me.id);
      const [row] = await tx
        .update(blogAuthor)
        .set({
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(input.username !== undefined ? { username: input.username } : {}),
          ...(input.bio !== undefined ? { bio: input.bio } : {}),
          ...(input.image !== undefined ? { image: input.image } : {}),
          ...(passwordHash ? { passwordHash } : {}),
          updatedAt: new Date(),
        })
        .where(ownedBy(blogAuthor, sandboxId, eq(blogAuthor.id, me.id)))
        .returning();
      return row as BlogAuthor;
    });
    return userView(sandboxId, author);
  } catch (error) {
    if (isUniqueViolation(error)) throw takenRace();
    throw error;
  }
}

// ---------------------------------------------------------------- profiles

/** Whether the viewer follows the author in `authorId` (a column or a value). */
const following = (sandboxId: string, viewer: Viewer, authorId: SQLWrapper) =>
  viewer
    ? sql<boolean>`exists (select 1 from ${blogFollow} where ${blogFollow.sandboxId} = ${sandboxId} and ${blogFollow.followerId} = ${viewer.id} and ${blogFollow.followedId} = ${authorId})`
    : sql<boolean>`false`;

async function profileByName(
  tx: Transaction | Awaited<ReturnType<typeof getDb>>,
  sandboxId: string,
  username: string,
  viewer: Viewer,
): Promise<{ id: number; profile: ProfileView }> {
  const [row] = await tx
    .select({
      id: blogAuthor.id,
      username: blogAuthor.username,
      bio: blogAuthor.bio,
      image: blogAuthor.image,
      following: following(sandboxId, viewer, blogAuthor.id),
    })
    .from(blogAuthor)
    .where(ownedBy(blogAuthor, sandboxId, eq(blogAuthor.username, username)));
  if (!row) throw notFound("profile");
  const { id, ...profile } = row;
  return { id, profile: { ...profile, following: Boolean(profile.following) } };
}

export async function getProfile(sandboxId: string, username: string, viewer: Viewer) {
  const { profile } = await profileByName(await getDb(), sandboxId, username, viewer);
  return { profile };
}

export async function setFollowing(
  sandboxId: string,
  me: BlogAuthor,
  username: string,
  follow: boolean,
): Promise<{ profile: ProfileView }> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const { id } = await profileByName(tx, sandboxId, username, me);
    if (id === me.id) {
      throw new HttpProblem("validation", "You cannot follow yourself.", {
        errors: [{ in: "path", field: "profile", message: "cannot be followed by itself" }],
      });
    }
    if (follow) {
      await tx
        .insert(blogFollow)
        .values({ sandboxId, followerId: me.id, followedId: id })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(blogFollow)
        .where(
          ownedBy(
            blogFollow,
            sandboxId,
            eq(blogFollow.followerId, me.id),
            eq(blogFollow.followedId, id),
          ),
        );
    }
    const { profile } = await profileByName(tx, sandboxId, username, me);
    return { profile };
  });
}

// ---------------------------------------------------------------- articles

// #region article-query
/**
 * One query for a page of articles: each with its author, tags (sorted), favorites count, and
 * whether the viewer favorited it and follows its author, from correlated subqueries (no N+1).
 */
function articleQuery(
  db: Transaction | Awaited<ReturnType<typeof getDb>>,
  sandboxId: string,
  viewer: Viewer,
) {
  return db
    .select({
      id: blogPost.id,
      authorId: blogPost.authorId,
      slug: blogPost.slug,
      title: blogPost.title,
      description: blogPost.description,
      body: blogPost.body,
      createdAt: blogPost.createdAt,
      updatedAt: blogPost.updatedAt,
      tagList: sql<string[]>`coalesce((
        select array_agg(${blogTag.name} order by ${blogTag.name})
        from ${blogPostTag} join ${blogTag}
          on ${blogTag.sandboxId} = ${blogPostTag.sandboxId} and ${blogTag.id} = ${blogPostTag.tagId}
        where ${blogPostTag.sandboxId} = ${blogPost.sandboxId} and ${blogPostTag.postId} = ${blogPost.id}
      ), '{}')`,
      favoritesCount: sql<number>`(select count(*)::int from ${blogFavorite}
        where ${blogFavorite.sandboxId} = ${blogPost.sandboxId} and ${blogFavorite.postId} = ${blogPost.id})`,
      favorited: viewer
        ? sql<boolean>`exists (select 1 from ${blogFavorite} where ${blogFavorite.sandboxId} = ${blogPost.sandboxId}
            and ${blogFavorite.postId} = ${blogPost.id} and ${blogFavorite.authorId} = ${viewer.id})`
        : sql<boolean>`false`,
      author: {
        username: blogAuthor.username,
        bio: blogAuthor.bio,
        image: blogAuthor.image,
        following: following(sandboxId, viewer, blogPost.authorId),
      },
    })
    .from(blogPost)
    .innerJoin(
      blogAuthor,
      and(eq(blogAuthor.sandboxId, blogPost.sandboxId), eq(blogAuthor.id, blogPost.authorId)),
    );
}
// #endregion

type ArticleRow = Awaited<ReturnType<ReturnType<typeof articleQuery>["where"]>>[number];

const iso = (d: Date | string) => new Date(d).toISOString();

function articleView(row: ArticleRow): ArticleView {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    body: row.body,
    tagList: row.tagList ?? [],
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    favorited: Boolean(row.favorited),
    favoritesCount: Number(row.favoritesCount),
    author: { ...row.author, following: Boolean(row.author.following) },
  };
}

/** An article as lists show it: everything but its body. */
function listItemView(row: ArticleRow): ArticleListItem {
  const { body: _body, ...item } = articleView(row);
  return item;
}

const published = eq(blogPost.status, "published");

export type ListFilters = {
  tag?: string;
  author?: string;
  favorited?: string;
  /** Only authors the viewer follows (the feed). */
  feedOf?: number;
  limit: number;
  offset: number;
};

function listConditions(sandboxId: string, f: ListFilters): SQL {
  return ownedBy(
    blogPost,
    sandboxId,
    published,
    f.tag !== undefined
      ? sql`exists (select 1 from ${blogPostTag} join ${blogTag}
          on ${blogTag.sandboxId} = ${blogPostTag.sandboxId} and ${blogTag.id} = ${blogPostTag.tagId}
          where ${blogPostTag.sandboxId} = ${blogPost.sandboxId} and ${blogPostTag.postId} = ${blogPost.id}
          and ${blogTag.name} = ${f.tag})`
      : undefined,
    f.author !== undefined ? eq(blogAuthor.username, f.author) : undefined,
    f.favorited !== undefined
      ? sql`exists (select 1 from ${blogFavorite} join ${blogAuthor} as fan
          on fan.sandbox_id = ${blogFavorite.sandboxId} and fan.id = ${blogFavorite.authorId}
          where ${blogFavorite.sandboxId} = ${blogPost.sandboxId} and ${blogFavorite.postId} = ${blogPost.id}
          and fan.username = ${f.favorited})`
      : undefined,
    f.feedOf !== undefined
      ? sql`exists (select 1 from ${blogFollow} where ${blogFollow.sandboxId} = ${blogPost.sandboxId}
          and ${blogFollow.followerId} = ${f.feedOf} and ${blogFollow.followedId} = ${blogPost.authorId})`
      : undefined,
  );
}

// #region list-articles
export async function listArticles(
  sandboxId: string,
  viewer: Viewer,
  filters: ListFilters,
): Promise<{ articles: ArticleListItem[]; articlesCount: number }> {
  const db = await getDb();
  const where = listConditions(sandboxId, filters);
  const [rows, [total]] = await Promise.all([
    articleQuery(db, sandboxId, viewer)
      .where(where)
      .orderBy(desc(blogPost.createdAt), desc(blogPost.id))
      .limit(filters.limit)
      .offset(filters.offset),
    db
      .select({ n: count() })
      .from(blogPost)
      .innerJoin(
        blogAuthor,
        and(eq(blogAuthor.sandboxId, blogPost.sandboxId), eq(blogAuthor.id, blogPost.authorId)),
      )
      .where(where),
  ]);
  return { articles: rows.map(listItemView), articlesCount: Number(total?.n ?? 0) };
}
// #endregion

async function articleRow(
  db: Transaction | Awaited<ReturnType<typeof getDb>>,
  sandboxId: string,
  slug: string,
  viewer: Viewer,
): Promise<ArticleRow> {
  const [row] = await articleQuery(db, sandboxId, viewer).where(
    ownedBy(blogPost, sandboxId, published, eq(blogPost.slug, slug)),
  );
  if (!row) throw notFound("article");
  return row;
}

export async function getArticle(sandboxId: string, slug: string, viewer: Viewer) {
  return { article: articleView(await articleRow(await getDb(), sandboxId, slug, viewer)) };
}

/** "How to Train Your Dragon!" → "how-to-train-your-dragon". */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    // The Blog API's slugs are at most 80 characters: room is left for a "-12" suffix.
    .slice(0, 76)
    .replace(/-+$/, "");
  return slug || "article";
}

/** The title's slug, or with -2, -3 … when another post of the blog has it. */
async function freeSlug(tx: Transaction, sandboxId: string, title: string, except?: number) {
  const base = slugify(title);
  const rows = await tx
    .select({ id: blogPost.id, slug: blogPost.slug })
    .from(blogPost)
    .where(
      ownedBy(
        blogPost,
        sandboxId,
        sql`(${blogPost.slug} = ${base} or ${blogPost.slug} like ${`${base}-%`})`,
      ),
    );
  // "feed" is a path of its own (GET /articles/feed), so no article may be called that.
  const used = new Set(["feed", ...rows.filter((r) => r.id !== except).map((r) => r.slug)]);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Replaces the post's tags with these names, creating the tags the blog does not have yet. */
async function setTags(tx: Transaction, sandboxId: string, postId: number, names: string[]) {
  await tx
    .delete(blogPostTag)
    .where(ownedBy(blogPostTag, sandboxId, eq(blogPostTag.postId, postId)));
  if (names.length === 0) return;
  const existing = await tx
    .select({ id: blogTag.id, name: blogTag.name })
    .from(blogTag)
    .where(ownedBy(blogTag, sandboxId, inArray(blogTag.name, names)));
  const missing = names.filter((n) => !existing.some((t) => t.name === n));
  if (missing.length > 0) {
    const first = await claimIds(tx, { sandboxId, name: TAG_IDS, count: missing.length });
    await tx
      .insert(blogTag)
      .values(missing.map((name, i) => ({ id: first + i, sandboxId, name })))
      .onConflictDoNothing();
  }
  const tags = await tx
    .select({ id: blogTag.id })
    .from(blogTag)
    .where(ownedBy(blogTag, sandboxId, inArray(blogTag.name, names)));
  await tx.insert(blogPostTag).values(tags.map((t) => ({ sandboxId, postId, tagId: t.id })));
}

// #region create-article
export async function createArticle(
  sandboxId: string,
  me: BlogAuthor,
  input: { title: string; description: string; body: string; tagList?: string[] },
): Promise<{ article: ArticleView }> {
  return sandboxTransaction(sandboxId, async (tx) => {
    await withinLimit(tx, sandboxId, "posts");
    const id = await claimIds(tx, { sandboxId, name: POST_IDS });
    const now = new Date();
    const slug = await freeSlug(tx, sandboxId, input.title);
    // RealWorld has no drafts: its articles are published at once.
    await tx.insert(blogPost).values({
      id,
      sandboxId,
      authorId: me.id,
      slug,
      title: input.title,
      description: input.description,
      body: input.body,
      status: "published",
      publishedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await setTags(tx, sandboxId, id, input.tagList ?? []);
    return { article: articleView(await articleRow(tx, sandboxId, slug, me)) };
  });
}
// #endregion

/** The published post with this slug, if `me` wrote it: 404 if there is none, 403 if not theirs. */
async function ownArticle(tx: Transaction, sandboxId: string, slug: string, me: BlogAuthor) {
  const [post] = await tx
    .select({ id: blogPost.id, authorId: blogPost.authorId })
    .from(blogPost)
    .where(ownedBy(blogPost, sandboxId, published, eq(blogPost.slug, slug)));
  if (!post) throw notFound("article");
  if (post.authorId !== me.id) {
    throw new HttpProblem("not-owner", "Only its author may change or delete this article.", {
      errors: [{ in: "path", field: "article", message: "is not yours" }],
    });
  }
  return post;
}

export async function updateArticle(
  sandboxId: string,
  me: BlogAuthor,
  slug: string,
  input: { title?: string; description?: string; body?: string; tagList?: string[] },
): Promise<{ article: ArticleView }> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const post = await ownArticle(tx, sandboxId, slug, me);
    // A new title, a new slug (as RealWorld's reference implementation does).
    const newSlug =
      input.title !== undefined ? await freeSlug(tx, sandboxId, input.title, post.id) : slug;
    await tx
      .update(blogPost)
      .set({
        ...(input.title !== undefined ? { title: input.title, slug: newSlug } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        updatedAt: new Date(),
      })
      .where(ownedBy(blogPost, sandboxId, eq(blogPost.id, post.id)));
    if (input.tagList !== undefined) await setTags(tx, sandboxId, post.id, input.tagList);
    return { article: articleView(await articleRow(tx, sandboxId, newSlug, me)) };
  });
}

export async function deleteArticle(sandboxId: string, me: BlogAuthor, slug: string) {
  await sandboxTransaction(sandboxId, async (tx) => {
    const post = await ownArticle(tx, sandboxId, slug, me);
    await tx.delete(blogPost).where(ownedBy(blogPost, sandboxId, eq(blogPost.id, post.id)));
  });
}

export async function setFavorite(
  sandboxId: string,
  me: BlogAuthor,
  slug: string,
  favorite: boolean,
): Promise<{ article: ArticleView }> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const { id } = await articleRow(tx, sandboxId, slug, me);
    if (favorite) {
      await tx
        .insert(blogFavorite)
        .values({ sandboxId, authorId: me.id, postId: id })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(blogFavorite)
        .where(
          ownedBy(
            blogFavorite,
            sandboxId,
            eq(blogFavorite.authorId, me.id),
            eq(blogFavorite.postId, id),
          ),
        );
    }
    return { article: articleView(await articleRow(tx, sandboxId, slug, me)) };
  });
}

// ---------------------------------------------------------------- comments

function commentQuery(
  db: Transaction | Awaited<ReturnType<typeof getDb>>,
  sandboxId: string,
  viewer: Viewer,
) {
  return db
    .select({
      id: blogComment.id,
      authorId: blogComment.authorId,
      createdAt: blogComment.createdAt,
      updatedAt: blogComment.updatedAt,
      body: blogComment.body,
      author: {
        username: blogAuthor.username,
        bio: blogAuthor.bio,
        image: blogAuthor.image,
        following: following(sandboxId, viewer, blogComment.authorId),
      },
    })
    .from(blogComment)
    .innerJoin(
      blogAuthor,
      and(eq(blogAuthor.sandboxId, blogComment.sandboxId), eq(blogAuthor.id, blogComment.authorId)),
    );
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentQuery>["where"]>>[number];

const commentView = (row: CommentRow): CommentView => ({
  id: row.id,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
  body: row.body,
  author: { ...row.author, following: Boolean(row.author.following) },
});

async function publishedId(
  db: Transaction | Awaited<ReturnType<typeof getDb>>,
  sandboxId: string,
  slug: string,
): Promise<number> {
  const [post] = await db
    .select({ id: blogPost.id })
    .from(blogPost)
    .where(ownedBy(blogPost, sandboxId, published, eq(blogPost.slug, slug)));
  if (!post) throw notFound("article");
  return post.id;
}

export async function listComments(sandboxId: string, slug: string, viewer: Viewer) {
  const db = await getDb();
  const postId = await publishedId(db, sandboxId, slug);
  const rows = await commentQuery(db, sandboxId, viewer)
    .where(ownedBy(blogComment, sandboxId, eq(blogComment.postId, postId)))
    .orderBy(asc(blogComment.createdAt), asc(blogComment.id));
  return { comments: rows.map(commentView) };
}

export async function addComment(
  sandboxId: string,
  me: BlogAuthor,
  slug: string,
  body: string,
): Promise<{ comment: CommentView }> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const postId = await publishedId(tx, sandboxId, slug);
    await withinLimit(tx, sandboxId, "comments");
    const id = await claimIds(tx, { sandboxId, name: COMMENT_IDS });
    await tx.insert(blogComment).values({ id, sandboxId, postId, authorId: me.id, body });
    const [row] = await commentQuery(tx, sandboxId, me).where(
      ownedBy(blogComment, sandboxId, eq(blogComment.id, id)),
    );
    return { comment: commentView(row as CommentRow) };
  });
}

export async function deleteComment(sandboxId: string, me: BlogAuthor, slug: string, id: number) {
  await sandboxTransaction(sandboxId, async (tx) => {
    const postId = await publishedId(tx, sandboxId, slug);
    const [comment] = await tx
      .select({ authorId: blogComment.authorId })
      .from(blogComment)
      .where(
        ownedBy(blogComment, sandboxId, eq(blogComment.postId, postId), eq(blogComment.id, id)),
      );
    if (!comment) throw notFound("comment");
    if (comment.authorId !== me.id) {
      throw new HttpProblem("not-owner", "Only its author may delete this comment.", {
        errors: [{ in: "path", field: "comment", message: "is not yours" }],
      });
    }
    await tx.delete(blogComment).where(ownedBy(blogComment, sandboxId, eq(blogComment.id, id)));
  });
}

// ---------------------------------------------------------------- tags

/** Tags of published articles, most used first (drafts' tags stay private). */
export async function listTags(sandboxId: string): Promise<{ tags: string[] }> {
  const db = await getDb();
  const rows = await db
    .select({ name: blogTag.name, uses: count() })
    .from(blogTag)
    .innerJoin(
      blogPostTag,
      and(eq(blogPostTag.sandboxId, blogTag.sandboxId), eq(blogPostTag.tagId, blogTag.id)),
    )
    .innerJoin(
      blogPost,
      and(eq(blogPost.sandboxId, blogPostTag.sandboxId), eq(blogPost.id, blogPostTag.postId)),
    )
    .where(ownedBy(blogTag, sandboxId, published))
    .groupBy(blogTag.name)
    .orderBy(desc(count()), asc(blogTag.name))
    .limit(100);
  return { tags: rows.map((r) => r.name) };
}
