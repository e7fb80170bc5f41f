import { and, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { blogAuthor, blogPost, blogPostTag, blogTag } from "@/db/schema/blog-api";
import { HttpProblem } from "@/lib/http/problem";
import type { Timing } from "@/lib/http/timing";
import { claimIds } from "@/lib/sandbox/counter";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import type {
  CreatePostBody,
  ListPostsQuery,
  PatchPostBody,
  PostSummary,
  PostView,
} from "./contract";
import type { Position } from "./cursor";
import { iso, isoOrNull, isUniqueViolation, type Runner, traced, withinLimit } from "./queries";
import { POST_IDS, TAG_IDS } from "./seed";

/** A row of the post queries below, as the database returns it. */
type PostRow = {
  id: number;
  slug: string;
  title: string;
  description: string;
  body?: string;
  status: "draft" | "published";
  published_at: unknown;
  created_at: unknown;
  updated_at: unknown;
  author_id: number;
  username: string;
  tags: string[] | null;
  comment_count: number;
  rank?: number;
  /** The sort value of the list's order, exactly as the database has it (for the cursor). */
  sort_key?: string | number;
};

export const notFound = (slug: string) =>
  new HttpProblem(
    "not-found",
    `Your blog has no post with the slug ${slug}. List the posts to see their slugs.`,
  );

function summaryOf(row: PostRow): PostSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    status: row.status,
    author: { id: row.author_id, username: row.username },
    tags: row.tags ?? [],
    commentCount: Number(row.comment_count),
    publishedAt: isoOrNull(row.published_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    ...(row.rank === undefined ? {} : { rank: Number(row.rank) }),
  };
}

function viewOf(row: PostRow): PostView {
  const { rank: _rank, ...summary } = summaryOf(row);
  return { ...summary, body: row.body ?? "" };
}

// #region list-sql
/** How each sort orders the posts, and how a cursor continues it: (sort value, id) after the last. */
const ORDERS = {
  newest: { key: sql`p.created_at`, cast: sql`timestamptz`, dir: "desc" },
  oldest: { key: sql`p.created_at`, cast: sql`timestamptz`, dir: "asc" },
  title: { key: sql`p.title`, cast: sql`text`, dir: "asc" },
  relevance: { key: sql`ts_rank(p.search, query)`, cast: sql`real`, dir: "desc" },
} as const;

/**
 * One query for a page of posts: each with its author (a join), its tags and its comment count
 * (two lateral joins that aggregate per post), filtered, searched, sorted and cut after the
 * cursor. However many posts the page holds, it is one round trip: no query per post (N+1).
 */
function postsQuery(
  sandboxId: string,
  { author, tag, status, q, sort }: Omit<ListPostsQuery, "limit" | "cursor">,
  page: { after?: Position; limit: number } | { slug: string },
): SQL {
  const order = ORDERS[sort];
  const after = "after" in page ? page.after : undefined;
  const where = [
    sql`p.sandbox_id = ${sandboxId}`,
    "slug" in page ? sql`p.slug = ${page.slug}` : undefined,
    status ? sql`p.status = ${status}` : undefined,
    author ? sql`a.username = ${author}` : undefined,
    tag
      ? sql`exists (select 1 from blog_post_tag pt join blog_tag t
            on t.sandbox_id = pt.sandbox_id and t.id = pt.tag_id
          where pt.sandbox_id = p.sandbox_id and pt.post_id = p.id and t.name = ${tag})`
      : undefined,
    q ? sql`p.search @@ query` : undefined,
    after
      ? sql`(${order.key}, p.id) ${sql.raw(order.dir === "desc" ? "<" : ">")} (${after.value}::${order.cast}, ${after.id})`
      : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return sql`
    select p.id, p.slug, p.title, p.description, ${"slug" in page ? sql`p.body,` : sql``}
           p.status, p.published_at, p.created_at, p.updated_at,
           a.id as author_id, a.username,
           coalesce(tags.names, '{}') as tags, comments.n as comment_count,
           ${q ? sql`ts_rank(p.search, query) as rank,` : sql``}
           ${order.key}::text as sort_key
    from blog_post p
    join blog_author a on a.sandbox_id = p.sandbox_id and a.id = p.author_id
    ${q ? sql`cross join websearch_to_tsquery('english', ${q}) as query` : sql``}
    left join lateral (
      select array_agg(t.name order by t.name) as names
      from blog_post_tag pt
      join blog_tag t on t.sandbox_id = pt.sandbox_id and t.id = pt.tag_id
      where pt.sandbox_id = p.sandbox_id and pt.post_id = p.id
    ) tags on true
    left join lateral (
      select count(*)::int as n from blog_comment c
      where c.sandbox_id = p.sandbox_id and c.post_id = p.id
    ) comments on true
    where ${sql.join(where, sql` and `)}
    order by ${order.key} ${sql.raw(order.dir)}, p.id ${sql.raw(order.dir)}
    limit ${"limit" in page ? page.limit + 1 : 1}`;
}
// #endregion

/** A page of posts and, when there are more, the position its last post ends at. */
export async function listPosts({
  sandboxId,
  query,
  after,
  timing,
}: {
  sandboxId: string;
  query: Omit<ListPostsQuery, "cursor">;
  after?: Position;
  timing?: Timing;
}): Promise<{ posts: PostSummary[]; next?: Position }> {
  const db = await getDb();
  const rows = await traced<PostRow>(
    db,
    timing,
    "Select a page of posts with authors, tags and comment counts",
    postsQuery(sandboxId, query, { after, limit: query.limit }),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const more = rows.length > query.limit && last !== undefined;
  return {
    posts: page.map(summaryOf),
    next: more ? { value: last.sort_key ?? "", id: last.id } : undefined,
  };
}

async function readPost(
  runner: Runner,
  sandboxId: string,
  slug: string,
  timing?: Timing,
): Promise<PostView | undefined> {
  const [row] = await traced<PostRow>(
    runner,
    timing,
    "Select the post with its author, tags and comment count",
    postsQuery(sandboxId, { sort: "newest" }, { slug }),
  );
  return row && viewOf(row);
}

export async function getPost({
  sandboxId,
  slug,
  timing,
}: {
  sandboxId: string;
  slug: string;
  timing?: Timing;
}): Promise<PostView> {
  const post = await readPost(await getDb(), sandboxId, slug, timing);
  if (!post) throw notFound(slug);
  return post;
}

/** A slug from a title: "Hello, World!" → hello-world. */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = words.length <= 80 ? words : words.slice(0, 80).replace(/-[^-]*$/, "");
  return cut || "post";
}

const slugTaken = (slug: string) =>
  new HttpProblem(
    "conflict",
    `Your blog already has a post with the slug ${slug}. Slugs are unique: send another one in slug.`,
    { errors: [{ in: "body", field: "slug", message: "is taken by another post" }] },
  );

async function requireAuthor(tx: Transaction, sandboxId: string, authorId: number) {
  const [author] = await tx
    .select({ id: blogAuthor.id })
    .from(blogAuthor)
    .where(ownedBy(blogAuthor, sandboxId, eq(blogAuthor.id, authorId)));
  if (!author) {
    throw new HttpProblem(
      "validation",
      `Your blog has no author ${authorId}. List the authors (GET /api/v1/blog/authors) to see their ids, or add one.`,
      { errors: [{ in: "body", field: "authorId", message: "is not an author of this blog" }] },
    );
  }
}

// #region set-tags
/**
 * Gives a post exactly these tags, creating the names the blog does not have yet. Runs inside the
 * caller's transaction: if anything after it fails, the new tags and links are undone too.
 */
async function setTags(tx: Transaction, sandboxId: string, postId: number, names: string[]) {
  await tx
    .delete(blogPostTag)
    .where(ownedBy(blogPostTag, sandboxId, eq(blogPostTag.postId, postId)));
  if (names.length === 0) return;
  const byName = new Map<string, number>();
  const known = await tx
    .select({ id: blogTag.id, name: blogTag.name })
    .from(blogTag)
    .where(ownedBy(blogTag, sandboxId, inArray(blogTag.name, names)));
  for (const { id, name } of known) byName.set(name, id);
  const fresh = names.filter((name) => !byName.has(name));
  if (fresh.length > 0) {
    const first = await claimIds(tx, { sandboxId, name: TAG_IDS, count: fresh.length });
    const made = await tx
      .insert(blogTag)
      .values(fresh.map((name, i) => ({ sandboxId, id: first + i, name })))
      .onConflictDoNothing({ target: [blogTag.sandboxId, blogTag.name] })
      .returning({ id: blogTag.id, name: blogTag.name });
    for (const { id, name } of made) byName.set(name, id);
    if (made.length < fresh.length) {
      // Another request made one of these names meanwhile: take its id.
      const raced = await tx
        .select({ id: blogTag.id, name: blogTag.name })
        .from(blogTag)
        .where(ownedBy(blogTag, sandboxId, inArray(blogTag.name, fresh)));
      for (const { id, name } of raced) byName.set(name, id);
    }
  }
  await tx
    .insert(blogPostTag)
    .values(names.map((name) => ({ sandboxId, postId, tagId: byName.get(name) ?? 0 })));
}
// #endregion

// #region publish
/** Publishes a draft through the database's own function, in the caller's transaction. */
async function publishInDatabase(tx: Transaction, sandboxId: string, postId: number) {
  const [published] = await traced<{ id: number }>(
    tx,
    undefined,
    "Publish",
    sql`select id from blog_publish_post(${sandboxId}::uuid, ${postId}::int)`,
  );
  return published !== undefined;
}
// #endregion

// #region create-post
/**
 * A new post and its tags, all or nothing: the post, any new tag names, the links between them
 * and, when asked, publishing it, in one transaction. If a step fails, none of it stays.
 */
export async function createPost({
  sandboxId,
  post: input,
}: {
  sandboxId: string;
  post: CreatePostBody;
}): Promise<PostView> {
  const slug = input.slug ?? slugify(input.title);
  try {
    return await sandboxTransaction(sandboxId, async (tx) => {
      await withinLimit(tx, sandboxId, "posts");
      await requireAuthor(tx, sandboxId, input.authorId);
      const id = await claimIds(tx, { sandboxId, name: POST_IDS });
      const [row] = await tx
        .insert(blogPost)
        .values({
          sandboxId,
          id,
          authorId: input.authorId,
          slug,
          title: input.title,
          description: input.description ?? "",
          body: input.body,
        })
        .onConflictDoNothing({ target: [blogPost.sandboxId, blogPost.slug] })
        .returning({ id: blogPost.id });
      if (!row) throw slugTaken(slug);
      await setTags(tx, sandboxId, id, input.tags);
      if (input.status === "published") await publishInDatabase(tx, sandboxId, id);
      const post = await readPost(tx, sandboxId, slug);
      if (!post) throw new Error("the new post was not found in its own transaction");
      return post;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(slug);
    throw error;
  }
}
// #endregion

/** Changes a post's fields and, when sent, its whole set of tags: one transaction. */
export async function updatePost({
  sandboxId,
  slug,
  changes,
}: {
  sandboxId: string;
  slug: string;
  changes: PatchPostBody;
}): Promise<PostView> {
  const { tags, ...fields } = changes;
  try {
    return await sandboxTransaction(sandboxId, async (tx) => {
      const [current] = await tx
        .select({ id: blogPost.id })
        .from(blogPost)
        .where(ownedBy(blogPost, sandboxId, eq(blogPost.slug, slug)))
        .for("update");
      if (!current) throw notFound(slug);
      if (fields.slug && fields.slug !== slug) {
        const [other] = await tx
          .select({ id: blogPost.id })
          .from(blogPost)
          .where(
            ownedBy(
              blogPost,
              sandboxId,
              and(eq(blogPost.slug, fields.slug), ne(blogPost.id, current.id)),
            ),
          );
        if (other) throw slugTaken(fields.slug);
      }
      await tx
        .update(blogPost)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(ownedBy(blogPost, sandboxId, eq(blogPost.id, current.id)));
      if (tags) await setTags(tx, sandboxId, current.id, tags);
      const post = await readPost(tx, sandboxId, fields.slug ?? slug);
      if (!post) throw new Error("the changed post was not found in its own transaction");
      return post;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(fields.slug ?? slug);
    throw error;
  }
}

export async function deletePost({
  sandboxId,
  slug,
}: {
  sandboxId: string;
  slug: string;
}): Promise<void> {
  const [gone] = await sandboxTransaction(sandboxId, (tx) =>
    tx
      .delete(blogPost)
      .where(ownedBy(blogPost, sandboxId, eq(blogPost.slug, slug)))
      .returning({ id: blogPost.id }),
  );
  if (!gone) throw notFound(slug);
}

/** Publishes a draft: 404 when there is no such post, 409 when it is already published. */
export async function publishPost({
  sandboxId,
  slug,
}: {
  sandboxId: string;
  slug: string;
}): Promise<PostView> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [current] = await tx
      .select({ id: blogPost.id, publishedAt: blogPost.publishedAt })
      .from(blogPost)
      .where(ownedBy(blogPost, sandboxId, eq(blogPost.slug, slug)))
      .for("update");
    if (!current) throw notFound(slug);
    if (current.publishedAt || !(await publishInDatabase(tx, sandboxId, current.id))) {
      throw new HttpProblem(
        "conflict",
        `The post ${slug} is already published${current.publishedAt ? ` (since ${current.publishedAt.toISOString()})` : ""}. Only a draft can be published.`,
      );
    }
    const post = await readPost(tx, sandboxId, slug);
    if (!post) throw new Error("the published post was not found in its own transaction");
    return post;
  });
}
