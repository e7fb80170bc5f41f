import { sqlExample } from "@/components/console/sql-example";
import { defineExamples } from "@/content/examples";

const SEARCH = "/api/v1/injection/posts";

/** The seeded blog's posts as the search shows them (lib/blog-api/seed.ts: 1–6 published, 7–8 drafts). */
const POST_1 = {
  id: 1,
  slug: "why-we-moved-to-postgres",
  title: "Why we moved our API to Postgres",
  status: "published",
};
const POST_3 = {
  id: 3,
  slug: "full-text-search-in-postgres",
  title: "Full-text search in Postgres",
  status: "published",
};
const DRAFT_7 = {
  id: 7,
  slug: "choosing-indexes",
  title: "Choosing indexes: a checklist",
  status: "draft",
};
const DRAFT_8 = {
  id: 8,
  slug: "node-streams-for-backend-developers",
  title: "Node.js streams for backend developers",
  status: "draft",
};

const OR_TRUE = "' or 1=1 --";
const DELETE_ALL = "'; delete from posts; --";

/**
 * Every request the lesson shows, in order, on a fresh sandbox with the blog lesson's seed: an
 * honest search both ways, the injection that leaks the drafts, the same input bound, an injected
 * DELETE that is rolled back, a UNION that reaches only your own copy (and the system catalogs every role can read), and a
 * bad request.
 */
export const examples = defineExamples({
  safeSearch: {
    title: "Your published posts about Postgres (parameterised)",
    method: "GET",
    path: SEARCH,
    query: { title: "postgres", mode: "parameterised" },
    expect: {
      status: 200,
      body: {
        mode: "parameterised",
        sql: {
          text: 'select "id", "slug", "title", "status" from "blog_post" where ("blog_post"."sandbox_id" = $1 and "blog_post"."status" = $2 and "blog_post"."title" ilike $3) order by "blog_post"."id" asc',
          params: { $2: "published", $3: "%postgres%" },
        },
        ranOn: "database",
        posts: [POST_1, POST_3],
        drafts: 0,
        rolledBack: false,
      },
    },
  },
  concatenatedSearch: {
    title: "The same search, the title pasted into the SQL",
    method: "GET",
    path: SEARCH,
    query: { title: "postgres", mode: "concatenated" },
    expect: {
      status: 200,
      body: {
        mode: "concatenated",
        sql: {
          text: "select id, slug, title, status from posts where status = 'published' and title ilike '%postgres%' order by id",
          params: {},
        },
        ranOn: "sql-console",
        posts: [POST_1, POST_3],
        drafts: 0,
        statements: [{ command: "SELECT", rowCount: 2 }],
        rolledBack: true,
      },
    },
  },
  injectOr: {
    title: "A title that ends the string and adds OR 1=1",
    method: "GET",
    path: SEARCH,
    query: { title: OR_TRUE, mode: "concatenated" },
    expect: {
      status: 200,
      body: {
        sql: {
          text: "select id, slug, title, status from posts where status = 'published' and title ilike '%' or 1=1 --%' order by id",
        },
        posts: [
          POST_1,
          { id: 2, status: "published" },
          POST_3,
          { id: 4, status: "published" },
          { id: 5, status: "published" },
          { id: 6, status: "published" },
          DRAFT_7,
          DRAFT_8,
        ],
        drafts: 2,
        statements: [{ command: "SELECT", rowCount: 8 }],
      },
    },
  },
  boundOr: {
    title: "The same title as a bound value",
    method: "GET",
    path: SEARCH,
    query: { title: OR_TRUE, mode: "parameterised" },
    expect: {
      status: 200,
      body: {
        sql: { params: { $3: "%' or 1=1 --%" } },
        posts: [],
        drafts: 0,
      },
    },
  },
  injectDelete: {
    title: "A title that adds a second statement: DELETE",
    method: "GET",
    path: SEARCH,
    query: { title: DELETE_ALL, mode: "concatenated" },
    expect: {
      status: 200,
      body: {
        sql: {
          text: "select id, slug, title, status from posts where status = 'published' and title ilike '%'; delete from posts; --%' order by id",
        },
        statements: [
          { command: "SELECT", rowCount: 6 },
          { command: "DELETE", rowCount: 8 },
        ],
        rolledBack: true,
      },
    },
  },
  stillThere: sqlExample({
    title: "Your posts after the DELETE",
    sql: "select status, count(*)\nfrom posts\ngroup by status\norder by status;",
    results: [
      {
        command: "SELECT",
        rows: [
          ["draft", "2"],
          ["published", "6"],
        ],
      },
    ],
  }),
  injectUnion: {
    title: "UNION: another table's rows in the same columns",
    method: "GET",
    path: SEARCH,
    query: {
      title: "' and false union select id, username, bio, 'author' from authors order by 1 --",
      mode: "concatenated",
    },
    expect: {
      status: 200,
      body: {
        posts: [
          { id: 1, slug: "maya", status: "author" },
          { id: 2, slug: "tomas", status: "author" },
          { id: 3, slug: "priya", status: "author" },
        ],
      },
    },
  },
  missingTitle: {
    title: "No title: refused before any SQL",
    method: "GET",
    path: SEARCH,
    query: { mode: "concatenated" },
    expect: {
      status: 422,
      headers: { "content-type": "application/problem+json" },
      body: { errors: [{ in: "query", field: "title" }] },
    },
  },
});
