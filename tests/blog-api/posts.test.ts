import { describe, expect, it } from "vitest";
import * as api from "@/lib/blog-api/contract";
import { SEED_POSTS } from "@/lib/blog-api/seed";
import { expectConforms } from "../contract";
import { expectProblem, linksOf, newSandboxKey } from "../harness";
import { blog, dbSpans, listPosts, type PostSummaryJson } from "./client";

const POSTS = "/api/v1/blog/posts";
const slugs = (posts: PostSummaryJson[]) => posts.map((p) => p.slug);
/** The seeded posts' slugs, newest first. */
const NEWEST_FIRST = [...SEED_POSTS].reverse().map((p) => p.slug);

async function write(key: string, body: Record<string, unknown>) {
  return blog(POSTS, { key, method: "POST", body: { authorId: 1, body: "Some text.", ...body } });
}

/** Follows rel="next" from `query` to the last page; every page's slugs, and its db spans. */
async function walk(key: string, query: Record<string, string>) {
  const pages: string[][] = [];
  let res = await blog(POSTS, { key, query });
  for (;;) {
    expect(res.status, await res.clone().text()).toBe(200);
    expect(dbSpans(res)).toHaveLength(1);
    const body = await expectConforms(api.listPosts, res);
    pages.push(body.data.map((p) => p.slug));
    const next = linksOf(res).next;
    expect(next === undefined, "Link rel=next exactly when nextCursor").toBe(
      body.nextCursor === null,
    );
    if (!next) return pages;
    res = await blog(next, { key });
  }
}

describe("listing posts", () => {
  it("answers the newest ten, with authors, tags and comment counts, in one query", async () => {
    const key = await newSandboxKey();
    const { res, body } = await listPosts(key);
    await expectConforms(api.listPosts, res);
    expect(slugs(body.data)).toEqual(NEWEST_FIRST);
    expect(body.nextCursor).toBeNull();
    expect(res.headers.get("link")).toBeNull();
    expect(body.data.find((p) => p.slug === "full-text-search-in-postgres")).toMatchObject({
      author: { id: 1, username: "maya" },
      tags: ["postgres", "search"],
      commentCount: 3,
      status: "published",
      publishedAt: "2025-01-20T10:00:00.000Z",
    });
    const spans = dbSpans(res);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toContain("left join lateral");
  });

  it("pages by cursor through every post exactly once, in every sort, one query per page", async () => {
    const key = await newSandboxKey();
    const newest = await walk(key, { limit: "3" });
    expect(newest.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(newest.flat()).toEqual(NEWEST_FIRST);
    expect((await walk(key, { limit: "3", sort: "oldest" })).flat()).toEqual(
      [...NEWEST_FIRST].reverse(),
    );
    const byTitle = [...SEED_POSTS].sort((a, b) => (a.title < b.title ? -1 : 1)).map((p) => p.slug);
    expect((await walk(key, { limit: "2", sort: "title" })).flat()).toEqual(byTitle);
  });

  it("keeps a cursor's pages right while posts are written in front of it", async () => {
    const key = await newSandboxKey();
    const first = await listPosts(key, { limit: "3" });
    expect((await write(key, { title: "Written meanwhile" })).status).toBe(201);
    const second = await listPosts(key, { limit: "3", cursor: first.body.nextCursor ?? "" });
    // An offset would now repeat the last post of page 1; the cursor continues after it.
    expect(slugs(second.body.data)).toEqual(NEWEST_FIRST.slice(3, 6));
  });

  it("filters by author, tag and status, which combine", async () => {
    const key = await newSandboxKey();
    const of = async (query: Record<string, string>) =>
      slugs((await listPosts(key, query)).body.data);
    expect(await of({ author: "tomas" })).toEqual([
      "node-streams-for-backend-developers",
      "cursor-pagination-explained",
      "designing-rest-resources",
    ]);
    expect(await of({ tag: "testing" })).toEqual([
      "five-causes-of-flaky-tests",
      "testing-http-apis-with-vitest",
    ]);
    expect(await of({ status: "draft" })).toEqual([
      "node-streams-for-backend-developers",
      "choosing-indexes",
    ]);
    expect(await of({ author: "maya", tag: "postgres", status: "published" })).toEqual([
      "full-text-search-in-postgres",
      "why-we-moved-to-postgres",
    ]);
    expect(await of({ author: "nobody" })).toEqual([]);
    expect(await of({ tag: "no-such-tag" })).toEqual([]);
  });

  it("refuses bad parameters with a 422 naming each", async () => {
    const key = await newSandboxKey();
    const bad = async (query: Record<string, string>, fields: string[]) =>
      expectProblem(await blog(POSTS, { key, query }), "validation", fields);
    await bad({ limit: "0" }, ["limit"]);
    await bad({ limit: "51" }, ["limit"]);
    await bad({ limit: "1e1" }, ["limit"]);
    await bad({ status: "maybe" }, ["status"]);
    await bad({ sort: "random" }, ["sort"]);
    await bad({ sort: "relevance" }, ["sort"]);
    await bad({ tag: "Not A Tag" }, ["tag"]);
    await bad({ q: " " }, ["q"]);
    await bad({ q: "x".repeat(201) }, ["q"]);
    await bad({ q: "a\u0000b" }, ["q"]);
    await bad({ author: "a\u0000b" }, ["author"]);
    await expectProblem(await blog(POSTS, { key, query: { page: "2" } }), "validation");
  });
});

describe("the cursor", () => {
  async function firstCursor(key: string, query: Record<string, string> = {}) {
    const { body } = await listPosts(key, { limit: "2", ...query });
    expect(body.nextCursor).toEqual(expect.any(String));
    return body.nextCursor as string;
  }

  it("is refused with 400 when edited, cut, forged or made up", async () => {
    const key = await newSandboxKey();
    const cursor = await firstCursor(key);
    const [payload = "", signature = ""] = cursor.split(".");
    const decoded = Buffer.from(payload, "base64url").toString("utf8");
    expect(decoded).toContain('"newest"');
    const edited = Buffer.from(decoded.replace(/,7,/, ",99,")).toString("base64url");
    // The last character too: base64 decoding would ignore its spare bits, the check does not.
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const flippedInside = `${signature.slice(0, 5)}${signature[5] === "x" ? "y" : "x"}${signature.slice(6)}`;
    for (const bad of [
      `${edited}.${signature}`,
      `${payload}.${flipped}`,
      `${payload}.${flippedInside}`,
      payload,
      `${payload}.${signature}.x`,
      cursor.slice(0, -3),
      "not-a-cursor",
      `${Buffer.from("[1,1]").toString("base64url")}.AAAAAAAAAAAAAAAAAAAAAA`,
    ]) {
      const res = await blog(POSTS, { key, query: { limit: "2", cursor: bad } });
      const problem = await expectProblem(res, "invalid-cursor", ["cursor"]);
      expect(problem.detail).toContain("nextCursor");
      // Refused before any query ran.
      expect(dbSpans(res)).toEqual([]);
    }
  });

  it("belongs to its list: other filters, another sort or another sandbox are 400", async () => {
    const key = await newSandboxKey();
    const cursor = await firstCursor(key);
    const other = async (query: Record<string, string>, k = key) =>
      expectProblem(
        await blog(POSTS, { key: k, query: { limit: "2", cursor, ...query } }),
        "invalid-cursor",
        ["cursor"],
      );
    expect((await other({ tag: "testing" })).detail).toContain('tag="testing"');
    expect((await other({ sort: "oldest" })).detail).toContain("sort=newest");
    await other({ status: "draft" });
    await other({}, await newSandboxKey());
    // The same list with another page size is the same list.
    expect((await listPosts(key, { limit: "5", cursor })).res.status).toBe(200);
  });
});

describe("full-text search", () => {
  it("ranks a match in the title above a match in the body, and shows the rank", async () => {
    const key = await newSandboxKey();
    expect((await write(key, { title: "Notes", body: "A word on quokkas." })).status).toBe(201);
    expect((await write(key, { title: "All about quokkas", body: "Small." })).status).toBe(201);
    const { res, body } = await listPosts(key, { q: "quokka" });
    await expectConforms(api.listPosts, res);
    expect(slugs(body.data)).toEqual(["all-about-quokkas", "notes"]);
    const [a, b] = body.data.map((p) => p.rank ?? 0);
    expect(a).toBeGreaterThan(b ?? 0);
    expect(dbSpans(res)).toHaveLength(1);
    expect(dbSpans(res)[0]).toContain("websearch_to_tsquery");
  });

  it("reads a search box: stems, phrases, minus and or", async () => {
    const key = await newSandboxKey();
    const of = async (q: string, more: Record<string, string> = {}) =>
      slugs((await listPosts(key, { q, sort: "newest", ...more })).body.data);
    // "indexes" and "indexing" are one lexeme.
    expect(await of("indexing")).toEqual([
      "choosing-indexes",
      "cursor-pagination-explained",
      "full-text-search-in-postgres",
    ]);
    expect(await of('"search cluster"')).toEqual([
      "full-text-search-in-postgres",
      "why-we-moved-to-postgres",
    ]);
    expect(await of("postgres -search")).toEqual(["testing-http-apis-with-vitest"]);
    expect(await of("flaky or streams")).toEqual([
      "node-streams-for-backend-developers",
      "five-causes-of-flaky-tests",
    ]);
    expect(await of("postgres", { status: "published", tag: "search" })).toEqual([
      "full-text-search-in-postgres",
    ]);
    // Punctuation that would break to_tsquery is only text to websearch_to_tsquery.
    expect((await listPosts(key, { q: "a & | ! ( :* '" })).res.status).toBe(200);
    expect(await of("nothing-matches-this")).toEqual([]);
  });

  it("pages through ranked results by cursor without repeating or skipping", async () => {
    const key = await newSandboxKey();
    for (let i = 1; i <= 5; i++) {
      const body = `${"wombat ".repeat(i)}and other words`;
      expect((await write(key, { title: `Marsupials ${i}`, body })).status).toBe(201);
    }
    // Two posts with the same rank: the id breaks the tie.
    expect(
      (await write(key, { title: "Marsupials 6", body: "wombat and other words" })).status,
    ).toBe(201);
    const pages = await walk(key, { q: "wombat", limit: "2" });
    const all = pages.flat();
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6);
    const { body } = await listPosts(key, { q: "wombat", limit: "10" });
    expect(all).toEqual(slugs(body.data));
    const ranks = body.data.map((p) => p.rank ?? 0);
    expect([...ranks].sort((x, y) => y - x)).toEqual(ranks);
  });
});

describe("reading, changing and deleting a post", () => {
  it("reads one post with its body, or answers 404", async () => {
    const key = await newSandboxKey();
    const res = await blog(`${POSTS}/cursor-pagination-explained`, { key });
    const post = await expectConforms(api.getPost, res);
    expect(post).toMatchObject({ id: 5, commentCount: 2, tags: ["api-design", "performance"] });
    expect(post?.body).toContain("limit and offset");
    expect(dbSpans(res)).toHaveLength(1);
    await expectProblem(await blog(`${POSTS}/no-such-post`, { key }), "not-found");
    await expectProblem(await blog(`${POSTS}/Bad_Slug`, { key }), "validation", ["slug"]);
  });

  it("changes only the fields sent, replaces the tags, and refuses a taken slug", async () => {
    const key = await newSandboxKey();
    const path = `${POSTS}/designing-rest-resources`;
    const res = await blog(path, {
      key,
      method: "PATCH",
      body: { title: "Designing REST resources", tags: ["api-design", "http"] },
    });
    const post = await expectConforms(api.patchPost, res);
    expect(post).toMatchObject({
      title: "Designing REST resources",
      description: "Authors, posts, comments and tags: nouns, URLs and status codes.",
      tags: ["api-design", "http"],
    });
    expect(Date.parse(post?.updatedAt ?? "")).toBeGreaterThan(Date.parse(post?.createdAt ?? ""));
    const tags = await (await blog("/api/v1/blog/tags", { key })).json();
    expect(tags.data).toContainEqual({ name: "http", posts: 1 });

    const taken = await blog(path, { key, method: "PATCH", body: { slug: "choosing-indexes" } });
    await expectProblem(taken, "conflict", ["slug"]);
    const moved = await blog(path, { key, method: "PATCH", body: { slug: "rest-resources" } });
    expect(moved.status).toBe(200);
    expect((await blog(`${POSTS}/rest-resources`, { key })).status).toBe(200);
    await expectProblem(await blog(path, { key }), "not-found");

    await expectProblem(
      await blog(`${POSTS}/rest-resources`, { key, method: "PATCH", body: {} }),
      "validation",
    );
    await expectProblem(
      await blog(`${POSTS}/nope`, { key, method: "PATCH", body: { title: "x" } }),
      "not-found",
    );
  });

  it("deletes a post with its comments, then answers 404", async () => {
    const key = await newSandboxKey();
    const path = `${POSTS}/cursor-pagination-explained`;
    const res = await blog(path, { key, method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    await expectProblem(await blog(path, { key }), "not-found");
    await expectProblem(await blog(`${path}/comments`, { key }), "not-found");
    await expectProblem(await blog(path, { key, method: "DELETE" }), "not-found");
    const stats = await (await blog("/api/v1/blog/stats", { key })).json();
    expect(stats.mostCommented.map((p: { slug: string }) => p.slug)).not.toContain(
      "cursor-pagination-explained",
    );
  });

  it("answers 405 with Allow for a method a resource does not have", async () => {
    const key = await newSandboxKey();
    const res = await blog(`${POSTS}/choosing-indexes`, { key, method: "PUT", body: {} });
    await expectProblem(res, "method-not-allowed");
    expect(res.headers.get("allow")).toContain("PATCH");
  });
});
