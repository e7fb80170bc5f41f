import { cols, sqlExample } from "@/components/console/sql-example";
import { defineExamples } from "@/content/examples";

const POSTS = "/api/v1/blog/posts";
const PROBLEM = { "content-type": "application/problem+json" } as const;

/** The post the lesson writes, publishes and finds again. */
export const NEW_POST = {
  authorId: 3,
  title: "Reading EXPLAIN output, step by step",
  description: "What the planner tells you, line by line.",
  body: "EXPLAIN shows the plan the planner chose: a sequential scan reads every row, an index scan jumps to the matching ones. Read it from the innermost node out, and compare estimated rows with actual rows.",
  tags: ["postgres", "explain"],
};
export const NEW_SLUG = "reading-explain-output-step-by-step";
export const SEARCH = "explain planner";

/**
 * A cursor edited by hand: the payload of a real first-page cursor with the id changed from 6 to
 * 99, and the signature left as it was. The signature no longer matches, so it is refused.
 */
export const TAMPERED_CURSOR =
  "WyIyMDI1LTAyLTI0IDEwOjAwOjAwKzAwIiw5OSwibmV3ZXN0IixudWxsLG51bGwsbnVsbCxudWxsXQ.WZ04wkwqD4MtU8zti196Qw";

const summary = (slug: string, more: Record<string, unknown> = {}) => ({ slug, ...more });

/**
 * Every request the Blog API lesson shows, in order, on a fresh sandbox: its seeded blog
 * (lib/blog-api/seed.ts: 3 authors, posts 1–8 with two drafts, 6 tags, 8 comments) is listed,
 * paged by cursor, filtered and searched; a post is written with tags, published and found by
 * full-text search; then the SQL behind the list runs in the SQL console.
 */
export const examples = defineExamples({
  firstPage: {
    title: "The newest three posts",
    method: "GET",
    path: POSTS,
    query: { limit: "3" },
    captures: { nextCursor: "body.nextCursor" },
    expect: {
      status: 200,
      headers: { link: 'rel="next"' },
      body: {
        data: [
          summary("node-streams-for-backend-developers", {
            status: "draft",
            author: { id: 2, username: "tomas" },
            tags: ["node"],
            commentCount: 0,
          }),
          summary("choosing-indexes", { tags: ["performance", "postgres"], commentCount: 0 }),
          summary("five-causes-of-flaky-tests", { status: "published", tags: ["testing"] }),
        ],
      },
    },
  },
  nextPage: {
    title: "The page after, by its cursor",
    method: "GET",
    path: POSTS,
    query: { limit: "3", cursor: "{{nextCursor}}" },
    expect: {
      status: 200,
      body: {
        data: [
          summary("cursor-pagination-explained", { commentCount: 2 }),
          summary("testing-http-apis-with-vitest", { tags: ["node", "testing"] }),
          summary("full-text-search-in-postgres", {
            tags: ["postgres", "search"],
            commentCount: 3,
          }),
        ],
      },
    },
  },
  tamperedCursor: {
    title: "A cursor edited by hand",
    method: "GET",
    path: POSTS,
    query: { limit: "3", cursor: TAMPERED_CURSOR },
    expect: {
      status: 400,
      headers: PROBLEM,
      body: { status: 400, errors: [{ in: "query", field: "cursor" }] },
    },
  },
  otherFilters: {
    title: "A good cursor with another filter",
    method: "GET",
    path: POSTS,
    query: { limit: "3", tag: "postgres", cursor: "{{nextCursor}}" },
    expect: { status: 400, headers: PROBLEM, body: { status: 400 } },
  },
  byTag: {
    title: "Published posts tagged postgres",
    method: "GET",
    path: POSTS,
    query: { tag: "postgres", status: "published" },
    expect: {
      status: 200,
      body: {
        data: [
          summary("full-text-search-in-postgres"),
          summary("why-we-moved-to-postgres", { commentCount: 1 }),
        ],
        nextCursor: null,
      },
    },
  },
  byTitle: {
    title: "maya's posts, by title",
    method: "GET",
    path: POSTS,
    query: { author: "maya", sort: "title" },
    expect: {
      status: 200,
      body: {
        data: [
          summary("choosing-indexes"),
          summary("full-text-search-in-postgres"),
          summary("why-we-moved-to-postgres"),
        ],
      },
    },
  },
  search: {
    title: "Full-text search, best match first",
    method: "GET",
    path: POSTS,
    query: { q: "postgres search" },
    expect: {
      status: 200,
      body: {
        data: [summary("full-text-search-in-postgres"), summary("why-we-moved-to-postgres")],
      },
    },
  },
  createPost: {
    title: "Write a post with tags (one of them new)",
    method: "POST",
    path: POSTS,
    body: NEW_POST,
    expect: {
      status: 201,
      headers: { location: `${POSTS}/${NEW_SLUG}` },
      body: {
        id: 9,
        slug: NEW_SLUG,
        status: "draft",
        author: { id: 3, username: "priya" },
        tags: ["explain", "postgres"],
        commentCount: 0,
        publishedAt: null,
      },
    },
  },
  duplicate: {
    title: "The same post again",
    method: "POST",
    path: POSTS,
    body: NEW_POST,
    expect: {
      status: 409,
      headers: PROBLEM,
      body: { status: 409, errors: [{ in: "body", field: "slug" }] },
    },
  },
  invalidPost: {
    title: "A post with no title and a bad tag",
    method: "POST",
    path: POSTS,
    body: { authorId: 3, body: "Text", tags: ["Not A Tag"] },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        status: 422,
        errors: [
          { in: "body", field: "title", message: "is required" },
          { in: "body", field: "tags.0" },
        ],
      },
    },
  },
  searchDrafts: {
    title: "Search finds drafts too, the new one first",
    method: "GET",
    path: POSTS,
    query: { q: SEARCH },
    expect: {
      status: 200,
      body: {
        data: [summary(NEW_SLUG, { status: "draft" }), summary("choosing-indexes")],
      },
    },
  },
  publish: {
    title: "Publish it",
    method: "POST",
    path: `${POSTS}/${NEW_SLUG}/publish`,
    expect: { status: 200, body: { slug: NEW_SLUG, status: "published" } },
  },
  publishAgain: {
    title: "Publish it twice",
    method: "POST",
    path: `${POSTS}/${NEW_SLUG}/publish`,
    expect: { status: 409, headers: PROBLEM, body: { status: 409 } },
  },
  searchPublished: {
    title: "Search the published posts",
    method: "GET",
    path: POSTS,
    query: { q: SEARCH, status: "published" },
    expect: {
      status: 200,
      body: { data: [summary(NEW_SLUG, { status: "published" })], nextCursor: null },
    },
  },
  comment: {
    title: "Comment on it",
    method: "POST",
    path: `${POSTS}/${NEW_SLUG}/comments`,
    body: { authorId: 1, body: "The line about estimated and actual rows is the one I needed." },
    expect: {
      status: 201,
      headers: { location: `${POSTS}/${NEW_SLUG}/comments/9` },
      body: { id: 9, author: { id: 1, username: "maya" } },
    },
  },
  commentOnDraft: {
    title: "Comment on a draft",
    method: "POST",
    path: `${POSTS}/node-streams-for-backend-developers/comments`,
    body: { authorId: 1, body: "Looking forward to it." },
    expect: { status: 409, headers: PROBLEM, body: { status: 409 } },
  },
  readPost: {
    title: "Read the post",
    method: "GET",
    path: `${POSTS}/${NEW_SLUG}`,
    expect: {
      status: 200,
      body: { slug: NEW_SLUG, tags: ["explain", "postgres"], commentCount: 1 },
    },
  },
  missingPost: {
    title: "A slug that is not there",
    method: "GET",
    path: `${POSTS}/no-such-post`,
    expect: { status: 404, headers: PROBLEM, body: { status: 404 } },
  },
  authors: {
    title: "The authors",
    method: "GET",
    path: "/api/v1/blog/authors",
    expect: {
      status: 200,
      body: {
        data: [
          { id: 1, username: "maya", postCount: 3 },
          { id: 2, username: "tomas", postCount: 3 },
          { id: 3, username: "priya", postCount: 3 },
        ],
      },
    },
  },
  tags: {
    title: "Tags, most used first",
    method: "GET",
    path: "/api/v1/blog/tags",
    expect: {
      status: 200,
      body: {
        data: [
          { name: "postgres", posts: 4 },
          { name: "api-design", posts: 2 },
          { name: "node", posts: 2 },
          { name: "performance", posts: 2 },
          { name: "testing", posts: 2 },
          { name: "explain", posts: 1 },
          { name: "search", posts: 1 },
        ],
      },
    },
  },
  stats: {
    title: "Statistics of the published posts",
    method: "GET",
    path: "/api/v1/blog/stats",
    expect: {
      status: 200,
      body: {
        mostCommented: [
          { slug: "full-text-search-in-postgres", comments: 3 },
          { slug: "cursor-pagination-explained", comments: 2 },
          { slug: "why-we-moved-to-postgres", comments: 1 },
          { slug: "designing-rest-resources", comments: 1 },
          { slug: "testing-http-apis-with-vitest", comments: 1 },
        ],
      },
    },
  },
  listSql: sqlExample({
    title: "The list's query, over your own tables",
    sql: `select p.id, p.slug, a.username, coalesce(t.names, '{}') as tags, c.n as comments
from posts p
join authors a on a.id = p.author_id
left join lateral (
  select array_agg(tg.name order by tg.name) as names
  from post_tags pt
  join tags tg on tg.id = pt.tag_id
  where pt.post_id = p.id
) t on true
left join lateral (
  select count(*)::int as n from comments cm where cm.post_id = p.id
) c on true
order by p.created_at desc, p.id desc
limit 4;`,
    results: [
      {
        command: "SELECT",
        columns: cols("id int4", "slug text", "username text", "tags _text", "comments int4"),
        rowCount: 4,
      },
    ],
  }),
  nPlusOne: sqlExample({
    title: "The N+1 way: one query per post",
    sql: `select id, slug from posts order by created_at desc limit 3;

-- …then, for each of those posts, two more:
select count(*) from comments where post_id = 9;
select tg.name from post_tags pt join tags tg on tg.id = pt.tag_id where pt.post_id = 9;`,
    results: [
      { command: "SELECT", rowCount: 3 },
      { command: "SELECT", rowCount: 1 },
      { command: "SELECT", rowCount: 2 },
    ],
  }),
  searchSql: sqlExample({
    title: "Full-text search, ranked",
    sql: `select slug, status, ts_rank(search, query) as rank
from posts, websearch_to_tsquery('english', 'explain planner') as query
where search @@ query
order by rank desc;`,
    results: [
      {
        command: "SELECT",
        columns: cols("slug text", "status text", "rank float4"),
        rowCount: 2,
      },
    ],
  }),
  tsvector: sqlExample({
    title: "What a tsvector and a tsquery hold",
    sql: `select to_tsvector('english', 'Indexing the indexes of indexed tables') as vector,
       websearch_to_tsquery('english', 'index -mysql "query plans"') as query;`,
    results: [
      {
        command: "SELECT",
        columns: cols("vector tsvector", "query tsquery"),
        rows: [["'index':1,3,5 'tabl':6", "'index' & !'mysql' & 'queri' <-> 'plan'"]],
      },
    ],
  }),
  explainSearch: sqlExample({
    title: "The GIN index that serves the search",
    sql: `create index posts_search_idx on posts using gin (search);

-- Eight rows fit in one page, so Postgres would rather read them all;
-- switch sequential scans off to see the plan it would use on a big table.
set enable_seqscan = off;

explain
select slug from posts
where search @@ websearch_to_tsquery('english', 'postgres');`,
    results: [{ command: "CREATE INDEX" }, { command: "SET" }, { command: "EXPLAIN", plan: {} }],
  }),
});
