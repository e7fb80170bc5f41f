import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { quoteLiteral } from "@/db/quote";

/** Counter names (lib/sandbox/counter.ts) that number the blog's rows per sandbox. */
export const AUTHOR_IDS = "blog_author";
export const POST_IDS = "blog_post";
export const TAG_IDS = "blog_tag";
export const COMMENT_IDS = "blog_comment";

export const SEED_AUTHORS = [
  {
    id: 1,
    username: "maya",
    bio: "Backend engineer. Writes about Postgres, indexes and the SQL behind APIs.",
    createdAt: "2025-01-02T09:00:00Z",
  },
  {
    id: 2,
    username: "tomas",
    bio: "Builds HTTP services in Node.js and Go; cares about API design.",
    createdAt: "2025-01-02T09:05:00Z",
  },
  {
    id: 3,
    username: "priya",
    bio: "Test automation and developer experience.",
    createdAt: "2025-01-02T09:10:00Z",
  },
] as const;

export const SEED_TAGS = [
  { id: 1, name: "postgres" },
  { id: 2, name: "api-design" },
  { id: 3, name: "search" },
  { id: 4, name: "testing" },
  { id: 5, name: "node" },
  { id: 6, name: "performance" },
] as const;

type SeedPost = {
  id: number;
  authorId: number;
  slug: string;
  title: string;
  description: string;
  body: string;
  /** Published posts were published at their creation time; drafts have no date. */
  status: "draft" | "published";
  createdAt: string;
  tags: readonly number[];
};

/** Posts 1 to 8, oldest first: six published, two drafts. */
export const SEED_POSTS: readonly SeedPost[] = [
  {
    id: 1,
    authorId: 1,
    slug: "why-we-moved-to-postgres",
    title: "Why we moved our API to Postgres",
    description: "One database for rows, documents and search.",
    body: "Our API kept users in one store, documents in another and a search cluster beside both. Moving everything to Postgres gave us transactions across all of it, one backup and one thing to monitor. JSONB covered the documents and a tsvector column the search.",
    status: "published",
    createdAt: "2025-01-06T10:00:00Z",
    tags: [1],
  },
  {
    id: 2,
    authorId: 2,
    slug: "designing-rest-resources",
    title: "Designing REST resources for a blog",
    description: "Authors, posts, comments and tags: nouns, URLs and status codes.",
    body: "A blog API has four nouns. Posts are addressed by a slug that reads well in a URL, comments live under their post, and tags are a many-to-many relation. Creating answers 201 with a Location header, a duplicate slug answers 409, and a missing post 404.",
    status: "published",
    createdAt: "2025-01-13T10:00:00Z",
    tags: [2],
  },
  {
    id: 3,
    authorId: 1,
    slug: "full-text-search-in-postgres",
    title: "Full-text search in Postgres",
    description: "tsvector, websearch_to_tsquery and ts_rank instead of a search cluster.",
    body: "Postgres turns text into a tsvector of normalised lexemes, so searching for index also finds indexes and indexing. A GIN index over the vector answers a query in milliseconds, websearch_to_tsquery reads what people type into a search box, and ts_rank orders the matches by relevance.",
    status: "published",
    createdAt: "2025-01-20T10:00:00Z",
    tags: [1, 3],
  },
  {
    id: 4,
    authorId: 3,
    slug: "testing-http-apis-with-vitest",
    title: "Testing HTTP APIs with Vitest",
    description: "Call the route handlers in process and assert what a client sees.",
    body: "The fastest API tests call the route handler with a Request and check the Response: status, headers and body. An in-memory database per test file keeps them independent, and the same tests run against a real Postgres in CI.",
    status: "published",
    createdAt: "2025-02-03T10:00:00Z",
    tags: [4, 5],
  },
  {
    id: 5,
    authorId: 2,
    slug: "cursor-pagination-explained",
    title: "Cursor pagination, explained",
    description: "Why offset pages skip and repeat rows, and how a cursor does not.",
    body: "With limit and offset, a post published while someone reads page one shifts every later page by one row. A cursor remembers the last row seen, its date and id, and asks for the rows after it; the index on those columns finds them directly, however deep the page.",
    status: "published",
    createdAt: "2025-02-10T10:00:00Z",
    tags: [2, 6],
  },
  {
    id: 6,
    authorId: 3,
    slug: "five-causes-of-flaky-tests",
    title: "Five causes of flaky tests",
    description: "Time, order, shared state, the network and sleeping.",
    body: "A test that sometimes fails usually depends on the clock, on the order tests run in, on data another test left behind, on a network call, or on a sleep that is long enough on a fast machine. Each has a fix that makes the test deterministic.",
    status: "published",
    createdAt: "2025-02-24T10:00:00Z",
    tags: [4],
  },
  {
    id: 7,
    authorId: 1,
    slug: "choosing-indexes",
    title: "Choosing indexes: a checklist",
    description: "Which queries deserve an index, and which kind.",
    body: "Start from the queries, not the tables. A B-tree on the columns a list filters and sorts by, a GIN index for full-text search and JSONB, and EXPLAIN ANALYZE before and after, to be sure the planner uses it.",
    status: "draft",
    createdAt: "2025-03-03T10:00:00Z",
    tags: [1, 6],
  },
  {
    id: 8,
    authorId: 2,
    slug: "node-streams-for-backend-developers",
    title: "Node.js streams for backend developers",
    description: "Send a large export without holding it in memory.",
    body: "A stream hands data on in chunks, so a server can send a large export while reading it from the database, with backpressure keeping memory flat.",
    status: "draft",
    createdAt: "2025-03-10T10:00:00Z",
    tags: [5],
  },
];

export const SEED_COMMENTS = [
  {
    id: 1,
    postId: 1,
    authorId: 3,
    body: "Did you miss anything from the document store?",
    createdAt: "2025-01-07T08:30:00Z",
  },
  {
    id: 2,
    postId: 2,
    authorId: 1,
    body: "PATCH with a partial body is exactly what we do too.",
    createdAt: "2025-01-14T12:00:00Z",
  },
  {
    id: 3,
    postId: 3,
    authorId: 2,
    body: "We replaced a whole search service with this. ts_rank is underrated.",
    createdAt: "2025-01-21T09:15:00Z",
  },
  {
    id: 4,
    postId: 3,
    authorId: 3,
    body: "How does it cope with typos?",
    createdAt: "2025-01-22T14:00:00Z",
  },
  {
    id: 5,
    postId: 3,
    authorId: 1,
    body: "It does not: typos need pg_trgm. websearch_to_tsquery handles quotes and minus signs.",
    createdAt: "2025-01-22T16:40:00Z",
  },
  {
    id: 6,
    postId: 4,
    authorId: 2,
    body: "Running the tests on an in-memory database made our CI three times faster.",
    createdAt: "2025-02-04T11:00:00Z",
  },
  {
    id: 7,
    postId: 5,
    authorId: 1,
    body: "Signing the cursor stopped a scraper from inventing its own.",
    createdAt: "2025-02-11T10:20:00Z",
  },
  {
    id: 8,
    postId: 5,
    authorId: 3,
    body: "What happens when the row at the cursor is deleted?",
    createdAt: "2025-02-12T15:05:00Z",
  },
] as const;

const rows = (list: readonly (readonly (string | number | null)[])[]) =>
  sql.raw(list.map((row) => `(${row.map(quoteLiteral).join(", ")})`).join(",\n      "));

const AUTHOR_ROWS = rows(SEED_AUTHORS.map((a) => [a.id, a.username, a.bio, a.createdAt]));
const TAG_ROWS = rows(SEED_TAGS.map((t) => [t.id, t.name]));
const POST_ROWS = rows(
  SEED_POSTS.map((p) => [
    p.id,
    p.authorId,
    p.slug,
    p.title,
    p.description,
    p.body,
    p.status,
    p.status === "published" ? p.createdAt : null,
    p.createdAt,
  ]),
);
const POST_TAG_ROWS = rows(SEED_POSTS.flatMap((p) => p.tags.map((tag) => [p.id, tag])));
const COMMENT_ROWS = rows(
  SEED_COMMENTS.map((c) => [c.id, c.postId, c.authorId, c.body, c.createdAt]),
);
const COUNTER_ROWS = rows([
  [AUTHOR_IDS, SEED_AUTHORS.length],
  [POST_IDS, SEED_POSTS.length],
  [TAG_IDS, SEED_TAGS.length],
  [COMMENT_IDS, SEED_COMMENTS.length],
]);

// #region seed
/**
 * Every sandbox opens with the same small blog: 3 authors, 8 posts (6 published, 2 drafts) with
 * tags, and 8 comments, dated in early 2025 so lists and examples come out the same for everyone.
 * One statement, the same text for every sandbox (planned once); only the sandbox id varies.
 * Data-modifying CTEs all run, and each sees the tables as they were, so the foreign keys are
 * checked at the end of the statement, when every row is in.
 */
export async function seedBlog(tx: Transaction, sandboxId: string): Promise<void> {
  await tx.execute(sql`
    with authors as (
      insert into blog_author (sandbox_id, id, username, bio, created_at, updated_at)
      select ${sandboxId}::uuid, v.id, v.username, v.bio, v.at::timestamptz, v.at::timestamptz
      from (values ${AUTHOR_ROWS}) as v(id, username, bio, at)
    ), tags as (
      insert into blog_tag (sandbox_id, id, name)
      select ${sandboxId}::uuid, v.* from (values ${TAG_ROWS}) as v(id, name)
    ), posts as (
      insert into blog_post (sandbox_id, id, author_id, slug, title, description, body, status,
                             published_at, created_at, updated_at)
      select ${sandboxId}::uuid, v.id, v.author_id, v.slug, v.title, v.description, v.body,
             v.status, v.published_at::timestamptz, v.at::timestamptz, v.at::timestamptz
      from (values ${POST_ROWS})
        as v(id, author_id, slug, title, description, body, status, published_at, at)
    ), post_tags as (
      insert into blog_post_tag (sandbox_id, post_id, tag_id)
      select ${sandboxId}::uuid, v.* from (values ${POST_TAG_ROWS}) as v(post_id, tag_id)
    ), comments as (
      insert into blog_comment (sandbox_id, id, post_id, author_id, body, created_at, updated_at)
      select ${sandboxId}::uuid, v.id, v.post_id, v.author_id, v.body, v.at::timestamptz,
             v.at::timestamptz
      from (values ${COMMENT_ROWS}) as v(id, post_id, author_id, body, at)
    )
    insert into sandbox_counter (sandbox_id, name, value)
    select ${sandboxId}::uuid, v.* from (values ${COUNTER_ROWS}) as v(name, value)`);
}
// #endregion
