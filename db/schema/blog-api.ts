import { type InferSelectModel, type SQL, sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { sandbox } from "./sandboxes";

/**
 * The blog of the Blog API lessons (express-and-sql, blog-api): authors, posts, comments and tags,
 * one blog per sandbox. The same rows also speak the RealWorld ("Conduit") contract: an author
 * with a password is a RealWorld user, a published post an article, and follows and favorites are
 * RealWorld's. Ids are numbered per sandbox (lib/sandbox/counter.ts), so lesson examples name the
 * same ids for everyone; every foreign key includes the sandbox, so no row can point into another
 * learner's blog.
 */

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const blogAuthor = pgTable(
  "blog_author",
  {
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    username: text("username").notNull(),
    /** Lower-cased; only RealWorld users need one. */
    email: text("email"),
    bio: text("bio"),
    image: text("image"),
    /** Argon2id; set only for authors who registered through the RealWorld API. */
    passwordHash: text("password_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    unique("blog_author_sandbox_username_unique").on(t.sandboxId, t.username),
    unique("blog_author_sandbox_email_unique").on(t.sandboxId, t.email),
  ],
);
export type BlogAuthor = InferSelectModel<typeof blogAuthor>;

export const blogPost = pgTable(
  "blog_post",
  {
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    authorId: integer("author_id").notNull(),
    /** Unique per sandbox: `/api/v1/blog/posts/hello-world`. */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    body: text("body").notNull(),
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Full-text search: the title weighs most (A), then the description (B), then the body (C). */
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english', ${blogPost.title}), 'A') || setweight(to_tsvector('english', ${blogPost.description}), 'B') || setweight(to_tsvector('english', ${blogPost.body}), 'C')`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    unique("blog_post_sandbox_slug_unique").on(t.sandboxId, t.slug),
    foreignKey({
      name: "blog_post_author_fk",
      columns: [t.sandboxId, t.authorId],
      foreignColumns: [blogAuthor.sandboxId, blogAuthor.id],
    }).onDelete("cascade"),
    check(
      "blog_post_published_check",
      sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`,
    ),
    index("blog_post_list_idx").on(t.sandboxId, t.createdAt.desc(), t.id.desc()),
    index("blog_post_author_idx").on(t.sandboxId, t.authorId),
    index("blog_post_search_idx").using("gin", t.search),
  ],
);
export type BlogPost = InferSelectModel<typeof blogPost>;

export const blogTag = pgTable(
  "blog_tag",
  {
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    unique("blog_tag_sandbox_name_unique").on(t.sandboxId, t.name),
  ],
);
export type BlogTag = InferSelectModel<typeof blogTag>;

/** Posts and tags, many to many. */
export const blogPostTag = pgTable(
  "blog_post_tag",
  {
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    postId: integer("post_id").notNull(),
    tagId: integer("tag_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.postId, t.tagId] }),
    foreignKey({
      name: "blog_post_tag_post_fk",
      columns: [t.sandboxId, t.postId],
      foreignColumns: [blogPost.sandboxId, blogPost.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "blog_post_tag_tag_fk",
      columns: [t.sandboxId, t.tagId],
      foreignColumns: [blogTag.sandboxId, blogTag.id],
    }).onDelete("cascade"),
    index("blog_post_tag_tag_idx").on(t.sandboxId, t.tagId),
  ],
);

export const blogComment = pgTable(
  "blog_comment",
  {
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    postId: integer("post_id").notNull(),
    authorId: integer("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    foreignKey({
      name: "blog_comment_post_fk",
      columns: [t.sandboxId, t.postId],
      foreignColumns: [blogPost.sandboxId, blogPost.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "blog_comment_author_fk",
      columns: [t.sandboxId, t.authorId],
      foreignColumns: [blogAuthor.sandboxId, blogAuthor.id],
    }).onDelete("cascade"),
    index("blog_comment_post_idx").on(t.sandboxId, t.postId, t.createdAt),
  ],
);
export type BlogComment = InferSelectModel<typeof blogComment>;

/** RealWorld's follows: `follower` follows `followed`. */
export const blogFollow = pgTable(
  "blog_follow",
  {
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    followerId: integer("follower_id").notNull(),
    followedId: integer("followed_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.followerId, t.followedId] }),
    foreignKey({
      name: "blog_follow_follower_fk",
      columns: [t.sandboxId, t.followerId],
      foreignColumns: [blogAuthor.sandboxId, blogAuthor.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "blog_follow_followed_fk",
      columns: [t.sandboxId, t.followedId],
      foreignColumns: [blogAuthor.sandboxId, blogAuthor.id],
    }).onDelete("cascade"),
    check("blog_follow_not_self_check", sql`${t.followerId} <> ${t.followedId}`),
  ],
);

/** RealWorld's favorites: an author favorited a post. */
export const blogFavorite = pgTable(
  "blog_favorite",
  {
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    authorId: integer("author_id").notNull(),
    postId: integer("post_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.authorId, t.postId] }),
    foreignKey({
      name: "blog_favorite_author_fk",
      columns: [t.sandboxId, t.authorId],
      foreignColumns: [blogAuthor.sandboxId, blogAuthor.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "blog_favorite_post_fk",
      columns: [t.sandboxId, t.postId],
      foreignColumns: [blogPost.sandboxId, blogPost.id],
    }).onDelete("cascade"),
    index("blog_favorite_post_idx").on(t.sandboxId, t.postId),
  ],
);

/**
 * A sandbox's public RealWorld API: `/api/v1/realworld/{publicId}/api/…`. RealWorld clients cannot
 * send the secret sandbox key, so the blog is reachable under this public id instead; the learner
 * can switch it off. Keyed by the sandbox alone: bookkeeping, not shown in the SQL console.
 */
export const realworldSite = pgTable("realworld_site", {
  sandboxId: uuid("sandbox_id")
    .primaryKey()
    .references(() => sandbox.id, { onDelete: "cascade" }),
  publicId: text("public_id").notNull().unique(),
  enabled: boolean("enabled").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type RealworldSite = InferSelectModel<typeof realworldSite>;
