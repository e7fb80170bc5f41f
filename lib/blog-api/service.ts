import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db";
import { blogAuthor, blogComment, blogPost } from "@/db/schema/blog-api";
import { HttpProblem } from "@/lib/http/problem";
import type { Timing } from "@/lib/http/timing";
import { claimIds } from "@/lib/sandbox/counter";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import {
  type AuthorView,
  BLOG_LIMITS,
  type blogStats,
  type CommentView,
  type createAuthorBody,
} from "./contract";
import { notFound } from "./posts";
import { iso, isUniqueViolation, traced, withinLimit } from "./queries";
import { AUTHOR_IDS, COMMENT_IDS } from "./seed";

type AuthorRow = {
  id: number;
  username: string;
  bio: string | null;
  image: string | null;
  created_at: unknown;
  post_count: number;
};

const authorOf = (row: AuthorRow): AuthorView => ({
  id: row.id,
  username: row.username,
  bio: row.bio,
  image: row.image,
  postCount: Number(row.post_count),
  createdAt: iso(row.created_at),
});

const authorsQuery = (sandboxId: string, id?: number) => sql`
  select a.id, a.username, a.bio, a.image, a.created_at, count(p.id)::int as post_count
  from blog_author a
  left join blog_post p on p.sandbox_id = a.sandbox_id and p.author_id = a.id
  where a.sandbox_id = ${sandboxId} ${id === undefined ? sql`` : sql`and a.id = ${id}`}
  group by a.sandbox_id, a.id
  order by a.id
  limit ${BLOG_LIMITS.authors}`;

export async function listAuthors({
  sandboxId,
  timing,
}: {
  sandboxId: string;
  timing?: Timing;
}): Promise<AuthorView[]> {
  const rows = await traced<AuthorRow>(
    await getDb(),
    timing,
    "Select the authors with their post counts",
    authorsQuery(sandboxId),
  );
  return rows.map(authorOf);
}

export async function getAuthor({
  sandboxId,
  id,
  timing,
}: {
  sandboxId: string;
  id: number;
  timing?: Timing;
}): Promise<AuthorView> {
  const [row] = await traced<AuthorRow>(
    await getDb(),
    timing,
    "Select the author with their post count",
    authorsQuery(sandboxId, id),
  );
  if (!row) {
    throw new HttpProblem(
      "not-found",
      `Your blog has no author ${id}. List the authors to see their ids.`,
    );
  }
  return authorOf(row);
}

export async function createAuthor({
  sandboxId,
  author: input,
}: {
  sandboxId: string;
  author: z.output<typeof createAuthorBody>;
}): Promise<AuthorView> {
  const taken = () =>
    new HttpProblem(
      "conflict",
      `Your blog already has an author named ${input.username}. Usernames are unique: pick another.`,
      { errors: [{ in: "body", field: "username", message: "is taken" }] },
    );
  try {
    return await sandboxTransaction(sandboxId, async (tx) => {
      await withinLimit(tx, sandboxId, "authors");
      const id = await claimIds(tx, { sandboxId, name: AUTHOR_IDS });
      const [row] = await tx
        .insert(blogAuthor)
        .values({
          sandboxId,
          id,
          username: input.username,
          bio: input.bio ?? null,
          image: input.image ?? null,
        })
        .onConflictDoNothing({ target: [blogAuthor.sandboxId, blogAuthor.username] })
        .returning();
      if (!row) throw taken();
      return {
        id: row.id,
        username: row.username,
        bio: row.bio,
        image: row.image,
        postCount: 0,
        createdAt: row.createdAt.toISOString(),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

type CommentRow = {
  post_id: number;
  id: number | null;
  body: string | null;
  created_at: unknown;
  author_id: number | null;
  username: string | null;
};

const commentOf = (row: CommentRow): CommentView => ({
  id: row.id ?? 0,
  body: row.body ?? "",
  author: { id: row.author_id ?? 0, username: row.username ?? "" },
  createdAt: iso(row.created_at),
});

/** A post's comments, oldest first, in one query: no row at all means no such post. */
export async function listComments({
  sandboxId,
  slug,
  timing,
}: {
  sandboxId: string;
  slug: string;
  timing?: Timing;
}): Promise<CommentView[]> {
  const rows = await traced<CommentRow>(
    await getDb(),
    timing,
    "Select the post's comments with their authors",
    sql`
      select p.id as post_id, c.id, c.body, c.created_at, a.id as author_id, a.username
      from blog_post p
      left join blog_comment c on c.sandbox_id = p.sandbox_id and c.post_id = p.id
      left join blog_author a on a.sandbox_id = c.sandbox_id and a.id = c.author_id
      where p.sandbox_id = ${sandboxId} and p.slug = ${slug}
      order by c.created_at, c.id
      limit ${BLOG_LIMITS.comments}`,
  );
  if (rows.length === 0) throw notFound(slug);
  return rows.filter((r) => r.id !== null).map(commentOf);
}

/** One comment of a post, with its author, in one query: 404 when the post or comment is not there. */
export async function getComment({
  sandboxId,
  slug,
  id,
  timing,
}: {
  sandboxId: string;
  slug: string;
  id: number;
  timing?: Timing;
}): Promise<CommentView> {
  const [row] = await traced<CommentRow>(
    await getDb(),
    timing,
    "Select the comment with its author",
    sql`
      select p.id as post_id, c.id, c.body, c.created_at, a.id as author_id, a.username
      from blog_post p
      join blog_comment c on c.sandbox_id = p.sandbox_id and c.post_id = p.id
      join blog_author a on a.sandbox_id = c.sandbox_id and a.id = c.author_id
      where p.sandbox_id = ${sandboxId} and p.slug = ${slug} and c.id = ${id}`,
  );
  if (!row) {
    throw new HttpProblem(
      "not-found",
      `The post ${slug} has no comment ${id} in your blog. List its comments to see their ids.`,
    );
  }
  return commentOf(row);
}

export async function createComment({
  sandboxId,
  slug,
  comment: input,
}: {
  sandboxId: string;
  slug: string;
  comment: { authorId: number; body: string };
}): Promise<CommentView> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [post] = await tx
      .select({ id: blogPost.id, status: blogPost.status })
      .from(blogPost)
      .where(ownedBy(blogPost, sandboxId, eq(blogPost.slug, slug)));
    if (!post) throw notFound(slug);
    if (post.status !== "published") {
      throw new HttpProblem(
        "conflict",
        `The post ${slug} is a draft: comments open when it is published (POST /api/v1/blog/posts/${slug}/publish).`,
      );
    }
    const [author] = await tx
      .select({ username: blogAuthor.username })
      .from(blogAuthor)
      .where(ownedBy(blogAuthor, sandboxId, eq(blogAuthor.id, input.authorId)));
    if (!author) {
      throw new HttpProblem(
        "validation",
        `Your blog has no author ${input.authorId}. List the authors (GET /api/v1/blog/authors) to see their ids.`,
        { errors: [{ in: "body", field: "authorId", message: "is not an author of this blog" }] },
      );
    }
    await withinLimit(tx, sandboxId, "comments");
    const id = await claimIds(tx, { sandboxId, name: COMMENT_IDS });
    const [row] = await tx
      .insert(blogComment)
      .values({ sandboxId, id, postId: post.id, authorId: input.authorId, body: input.body })
      .returning();
    if (!row) throw new Error("comment insert returned no row");
    return {
      id: row.id,
      body: row.body,
      author: { id: input.authorId, username: author.username },
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function deleteComment({
  sandboxId,
  slug,
  id,
}: {
  sandboxId: string;
  slug: string;
  id: number;
}): Promise<void> {
  const db = await getDb();
  const [gone] = await db
    .delete(blogComment)
    .where(
      ownedBy(
        blogComment,
        sandboxId,
        eq(blogComment.id, id),
        sql`${blogComment.postId} = (select id from blog_post where sandbox_id = ${sandboxId} and slug = ${slug})`,
      ),
    )
    .returning({ id: blogComment.id });
  if (!gone) {
    throw new HttpProblem(
      "not-found",
      `The post ${slug} has no comment ${id} in your blog. List its comments to see their ids.`,
    );
  }
}

// #region tags-sql
export async function listTags({ sandboxId, timing }: { sandboxId: string; timing?: Timing }) {
  const rows = await traced<{ name: string; posts: number }>(
    await getDb(),
    timing,
    "Select the tags with their post counts",
    sql`
      select t.name, count(pt.post_id)::int as posts
      from blog_tag t
      left join blog_post_tag pt on pt.sandbox_id = t.sandbox_id and pt.tag_id = t.id
      where t.sandbox_id = ${sandboxId}
      group by t.sandbox_id, t.id
      order by posts desc, t.name`,
  );
  return rows.map((r) => ({ name: r.name, posts: Number(r.posts) }));
}
// #endregion

type Stats = z.output<NonNullable<(typeof blogStats.responses)[200]["body"]>>;

// #region stats-sql
/** Three aggregates over the published posts: one GROUP BY query each. */
export async function blogStatistics({
  sandboxId,
  timing,
}: {
  sandboxId: string;
  timing?: Timing;
}): Promise<Stats> {
  const db = await getDb();
  const postsPerTag = await traced<{ tag: string; posts: number }>(
    db,
    timing,
    "Count published posts per tag",
    sql`
      select t.name as tag, count(*)::int as posts
      from blog_post_tag pt
      join blog_tag t on t.sandbox_id = pt.sandbox_id and t.id = pt.tag_id
      join blog_post p on p.sandbox_id = pt.sandbox_id and p.id = pt.post_id
      where pt.sandbox_id = ${sandboxId} and p.status = 'published'
      group by t.name
      order by posts desc, tag`,
  );
  const perAuthorPerMonth = await traced<{ author: string; month: string; posts: number }>(
    db,
    timing,
    "Count published posts per author per month",
    sql`
      select a.username as author,
             to_char(p.published_at at time zone 'UTC', 'YYYY-MM') as month,
             count(*)::int as posts
      from blog_post p
      join blog_author a on a.sandbox_id = p.sandbox_id and a.id = p.author_id
      where p.sandbox_id = ${sandboxId} and p.status = 'published'
      group by a.username, month
      order by month, author`,
  );
  const mostCommented = await traced<{ slug: string; title: string; comments: number }>(
    db,
    timing,
    "The five most commented published posts",
    sql`
      select p.slug, p.title, count(*)::int as comments
      from blog_post p
      join blog_comment c on c.sandbox_id = p.sandbox_id and c.post_id = p.id
      where p.sandbox_id = ${sandboxId} and p.status = 'published'
      group by p.sandbox_id, p.id
      order by comments desc, p.id
      limit 5`,
  );
  return {
    postsPerTag: postsPerTag.map((r) => ({ tag: r.tag, posts: Number(r.posts) })),
    postsPerAuthorPerMonth: perAuthorPerMonth.map((r) => ({
      author: r.author,
      month: r.month,
      posts: Number(r.posts),
    })),
    mostCommented: mostCommented.map((r) => ({
      slug: r.slug,
      title: r.title,
      comments: Number(r.comments),
    })),
  };
}
// #endregion
