import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import * as api from "@/lib/blog-api/contract";
import { idForKey } from "@/lib/sandbox/lookup";
import { expectConforms } from "../contract";
import { expectNoInternals, expectProblem, newSandboxKey } from "../harness";
import { blog, listPosts } from "./client";

const POSTS = "/api/v1/blog/posts";
const post = (key: string, body: Record<string, unknown>) =>
  blog(POSTS, { key, method: "POST", body: { authorId: 2, body: "Some text.", ...body } });
const tagNames = async (key: string) =>
  ((await (await blog("/api/v1/blog/tags", { key })).json()) as { data: { name: string }[] }).data
    .map((t) => t.name)
    .sort();

describe("writing a post", () => {
  it("answers 201 with Location and the post, its new and existing tags, as a draft", async () => {
    const key = await newSandboxKey();
    const res = await post(key, {
      title: "Crème brûlée & HTTP: a recipe!",
      description: "Dessert.",
      tags: ["http", "node"],
    });
    const created = await expectConforms(api.createPost, res);
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`${POSTS}/creme-brulee-http-a-recipe`);
    expect(created).toMatchObject({
      id: 9,
      slug: "creme-brulee-http-a-recipe",
      status: "draft",
      publishedAt: null,
      author: { id: 2, username: "tomas" },
      tags: ["http", "node"],
      commentCount: 0,
      body: "Some text.",
    });
    expect(await tagNames(key)).toContain("http");
    const read = await blog(res.headers.get("location") ?? "", { key });
    expect(await read.json()).toEqual(created);
  });

  it("publishes in the same request when asked", async () => {
    const key = await newSandboxKey();
    const before = Date.now();
    const res = await post(key, { title: "Out now", status: "published" });
    const created = await expectConforms(api.createPost, res);
    expect(created?.status).toBe("published");
    expect(Date.parse(created?.publishedAt ?? "")).toBeGreaterThanOrEqual(before - 1000);
  });

  it("makes a new tag once when several posts name it at the same moment", async () => {
    const key = await newSandboxKey();
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => post(key, { title: `At once ${i}`, tags: ["same-new-tag"] })),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const tags = await (await blog("/api/v1/blog/tags", { key })).json();
    expect(tags.data.filter((t: { name: string }) => t.name === "same-new-tag")).toEqual([
      { name: "same-new-tag", posts: 5 },
    ]);
  });

  it("makes a new tag once when two changes to two posts name it at the same moment", async () => {
    const key = await newSandboxKey();
    const answers = await Promise.all(
      ["designing-rest-resources", "five-causes-of-flaky-tests"].map((slug) =>
        blog(`${POSTS}/${slug}`, { key, method: "PATCH", body: { tags: ["race-tag"] } }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const tags = await (await blog("/api/v1/blog/tags", { key })).json();
    expect(tags.data).toContainEqual({ name: "race-tag", posts: 2 });
  });

  it("refuses a slug the blog has with 409, whether sent or made from the title", async () => {
    const key = await newSandboxKey();
    await expectProblem(await post(key, { title: "Choosing indexes" }), "conflict", ["slug"]);
    await expectProblem(await post(key, { title: "Other", slug: "choosing-indexes" }), "conflict", [
      "slug",
    ]);
    // Nothing of the refused post stayed: the next one gets id 9.
    const res = await post(key, { title: "Fresh", tags: ["brand-new"] });
    expect((await res.json()).id).toBe(9);
  });

  it("refuses invalid posts with a 422 naming every field, and writes nothing", async () => {
    const key = await newSandboxKey();
    const bad = async (body: unknown, fields: string[]) =>
      expectProblem(await blog(POSTS, { key, method: "POST", body }), "validation", fields);
    await bad({}, ["authorId", "title", "body"]);
    await bad({ authorId: "1", title: "t", body: "b" }, ["authorId"]);
    await bad({ authorId: 1, title: " ", body: "b" }, ["title"]);
    await bad({ authorId: 1, title: "t", body: "b", slug: "Not A Slug" }, ["slug"]);
    await bad({ authorId: 1, title: "t", body: "b", tags: ["a", "a"] }, ["tags"]);
    await bad(
      { authorId: 1, title: "t", body: "b", tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
      ["tags"],
    );
    await bad({ authorId: 1, title: "t", body: "b", tags: ["UPPER"] }, ["tags.0"]);
    await bad({ authorId: 1, title: "t", body: "b", status: "scheduled" }, ["status"]);
    await expectProblem(
      await blog(POSTS, {
        key,
        method: "POST",
        body: { authorId: 1, title: "t", body: "b", extra: 1 },
      }),
      "validation",
    );
    await bad({ authorId: 1, title: "x".repeat(201), body: "b" }, ["title"]);
    await bad({ authorId: 1, title: "t", body: "b\u0000" }, ["body"]);
    // An author that is not in this blog: 422 on authorId, and nothing written.
    await bad({ authorId: 77, title: "t", body: "b", tags: ["orphan"] }, ["authorId"]);
    expect(await tagNames(key)).not.toContain("orphan");
    expect((await listPosts(key)).body.data).toHaveLength(8);
    const res = await blog(POSTS, {
      key,
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    await expectProblem(res, "malformed-request");
  });
});

describe("limits", () => {
  it("refuses a post past the sandbox's cap with 409, and keeps serving the list", async () => {
    const key = await newSandboxKey();
    // Fill the blog to the cap with rows of its own (the seed has 8).
    const id = await idForKey(key);
    await (await getDb()).execute(sql`
      insert into blog_post (sandbox_id, id, author_id, slug, title, body)
      select ${id}::uuid, 100 + n, 1, 'filler-' || n, 'Filler ' || n, 'x'
      from generate_series(1, ${api.BLOG_LIMITS.posts - 8}) as n`);
    const res = await post(key, { title: "One too many" });
    expect((await expectProblem(res, "conflict")).detail).toContain(String(api.BLOG_LIMITS.posts));
    expect((await listPosts(key, { limit: "50" })).body.data).toHaveLength(50);
  });
});

/**
 * Failures half-way, made by the database itself: a trigger that raises an error when one
 * particular tag is linked, or when one particular post is published. Names are unique per run,
 * so tests running beside these on the same database are not affected.
 */
describe("one transaction: a failure half-way leaves nothing", () => {
  const run = randomUUID().slice(0, 8);
  const badTag = `explodes-${run}`;
  const badSlug = `publish-explodes-${run}`;
  const exec = async (statement: ReturnType<typeof sql>) => (await getDb()).execute(statement);

  beforeAll(async () => {
    await exec(
      sql.raw(`create function blog_test_fail_tag_${run}() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from blog_tag
                     where sandbox_id = new.sandbox_id and id = new.tag_id and name = '${badTag}') then
            raise exception 'forced failure linking a tag';
          end if;
          return new;
        end $$`),
    );
    await exec(
      sql.raw(`create function blog_test_fail_post_${run}() returns trigger language plpgsql as $$
        begin
          if new.slug = '${badSlug}' and new.status = 'published' then
            raise exception 'forced failure publishing';
          end if;
          return new;
        end $$`),
    );
    await exec(
      sql.raw(
        `create trigger blog_test_fail_tag_${run} before insert on blog_post_tag for each row execute function blog_test_fail_tag_${run}()`,
      ),
    );
    await exec(
      sql.raw(
        `create trigger blog_test_fail_post_${run} before update on blog_post for each row execute function blog_test_fail_post_${run}()`,
      ),
    );
  });

  afterAll(async () => {
    await exec(sql.raw(`drop trigger blog_test_fail_tag_${run} on blog_post_tag`));
    await exec(sql.raw(`drop trigger blog_test_fail_post_${run} on blog_post`));
    await exec(sql.raw(`drop function blog_test_fail_tag_${run}()`));
    await exec(sql.raw(`drop function blog_test_fail_post_${run}()`));
  });

  it("leaves no post and no new tag when linking the tags fails", async () => {
    const key = await newSandboxKey();
    const res = await post(key, { title: "Half way", tags: ["fresh-one", badTag] });
    const problem = await expectProblem(res, "internal");
    expect(problem.detail).toContain(problem.requestId);
    await expectProblem(await blog(`${POSTS}/half-way`, { key }), "not-found");
    const tags = await tagNames(key);
    expect(tags).not.toContain("fresh-one");
    expect(tags).not.toContain(badTag);
    // Even the ids it claimed were given back: the next post is 9.
    const next = await post(key, { title: "Whole", tags: ["fresh-one"] });
    expect((await next.json()).id).toBe(9);
  });

  it("leaves no post and no tags when publishing, its last step, fails", async () => {
    const key = await newSandboxKey();
    const res = await post(key, {
      title: "Will not publish",
      slug: badSlug,
      tags: ["fresh-two"],
      status: "published",
    });
    expectNoInternals(JSON.stringify(await expectProblem(res, "internal")));
    await expectProblem(await blog(`${POSTS}/${badSlug}`, { key }), "not-found");
    expect(await tagNames(key)).not.toContain("fresh-two");
  });

  it("leaves a draft a draft when the publish function's update fails", async () => {
    const key = await newSandboxKey();
    expect((await post(key, { title: "Draft", slug: badSlug })).status).toBe(201);
    const res = await blog(`${POSTS}/${badSlug}/publish`, { key, method: "POST" });
    await expectProblem(res, "internal");
    const after = await (await blog(`${POSTS}/${badSlug}`, { key })).json();
    expect(after).toMatchObject({ status: "draft", publishedAt: null });
  });
});

describe("publishing", () => {
  it("publishes a draft once: 200 with its date, then 409; 404 for no such post", async () => {
    const key = await newSandboxKey();
    const path = `${POSTS}/choosing-indexes/publish`;
    const res = await blog(path, { key, method: "POST" });
    const published = await expectConforms(api.publishPost, res);
    expect(published).toMatchObject({ slug: "choosing-indexes", status: "published" });
    expect(Date.now() - Date.parse(published?.publishedAt ?? "")).toBeLessThan(60_000);
    await expectProblem(await blog(path, { key, method: "POST" }), "conflict");
    await expectProblem(
      await blog(`${POSTS}/five-causes-of-flaky-tests/publish`, { key, method: "POST" }),
      "conflict",
    );
    await expectProblem(
      await blog(`${POSTS}/no-such-post/publish`, { key, method: "POST" }),
      "not-found",
    );
  });

  it("lets only one of two publishes at once succeed", async () => {
    const key = await newSandboxKey();
    const path = `${POSTS}/node-streams-for-backend-developers/publish`;
    const answers = await Promise.all([
      blog(path, { key, method: "POST" }),
      blog(path, { key, method: "POST" }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("runs blog_publish_post() on the caller's row only", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    expect(
      (await blog(`${POSTS}/choosing-indexes/publish`, { key: a, method: "POST" })).status,
    ).toBe(200);
    const inB = await (await blog(`${POSTS}/choosing-indexes`, { key: b })).json();
    expect(inB).toMatchObject({ status: "draft", publishedAt: null });
  });
});

describe("comments", () => {
  const path = `${POSTS}/five-causes-of-flaky-tests/comments`;

  it("lists a post's comments oldest first, in one query", async () => {
    const key = await newSandboxKey();
    const res = await blog(`${POSTS}/full-text-search-in-postgres/comments`, { key });
    const body = await expectConforms(api.listComments, res);
    expect(body?.data.map((c) => [c.id, c.author.username])).toEqual([
      [3, "tomas"],
      [4, "priya"],
      [5, "maya"],
    ]);
    expect((res.headers.get("server-timing") ?? "").match(/\bdb;/g)).toHaveLength(1);
    const none = await blog(path, { key });
    expect(await none.json()).toEqual({ data: [] });
    await expectProblem(await blog(`${POSTS}/nope/comments`, { key }), "not-found");
  });

  it("adds a comment to a published post, 409 on a draft, 422 for a stranger", async () => {
    const key = await newSandboxKey();
    const res = await blog(path, { key, method: "POST", body: { authorId: 1, body: "Nice." } });
    const comment = await expectConforms(api.createComment, res);
    expect(res.headers.get("location")).toBe(`${path}/9`);
    expect(comment).toMatchObject({ id: 9, body: "Nice.", author: { id: 1, username: "maya" } });
    const post = await (await blog(`${POSTS}/five-causes-of-flaky-tests`, { key })).json();
    expect(post.commentCount).toBe(1);

    const draft = await blog(`${POSTS}/choosing-indexes/comments`, {
      key,
      method: "POST",
      body: { authorId: 1, body: "Early." },
    });
    expect((await expectProblem(draft, "conflict")).detail).toContain("publish");
    await expectProblem(
      await blog(path, { key, method: "POST", body: { authorId: 99, body: "Hi" } }),
      "validation",
      ["authorId"],
    );
    await expectProblem(
      await blog(path, { key, method: "POST", body: { authorId: 1, body: "" } }),
      "validation",
      ["body"],
    );
    await expectProblem(
      await blog(`${POSTS}/nope/comments`, {
        key,
        method: "POST",
        body: { authorId: 1, body: "x" },
      }),
      "not-found",
    );
  });

  it("deletes a comment of that post only", async () => {
    const key = await newSandboxKey();
    const other = `${POSTS}/designing-rest-resources/comments/7`;
    await expectProblem(await blog(other, { key, method: "DELETE" }), "not-found");
    const mine = `${POSTS}/cursor-pagination-explained/comments/7`;
    expect((await blog(mine, { key, method: "DELETE" })).status).toBe(204);
    await expectProblem(await blog(mine, { key, method: "DELETE" }), "not-found");
    await expectProblem(
      await blog(`${POSTS}/x/comments/abc`, { key, method: "DELETE" }),
      "validation",
      ["id"],
    );
  });
});

describe("authors", () => {
  it("lists them with post counts, adds one (201, Location), refuses a taken name", async () => {
    const key = await newSandboxKey();
    const list = await expectConforms(api.listAuthors, await blog("/api/v1/blog/authors", { key }));
    expect(list?.data.map((a) => [a.username, a.postCount])).toEqual([
      ["maya", 3],
      ["tomas", 3],
      ["priya", 2],
    ]);
    const res = await blog("/api/v1/blog/authors", {
      key,
      method: "POST",
      body: { username: "sam_k", bio: "New here.", image: "https://example.com/sam.png" },
    });
    const sam = await expectConforms(api.createAuthor, res);
    expect(res.headers.get("location")).toBe("/api/v1/blog/authors/4");
    expect(sam).toMatchObject({ id: 4, username: "sam_k", postCount: 0 });
    const read = await blog("/api/v1/blog/authors/4", { key });
    expect(await expectConforms(api.getAuthor, read)).toEqual(sam);
    await expectProblem(
      await blog("/api/v1/blog/authors", { key, method: "POST", body: { username: "maya" } }),
      "conflict",
      ["username"],
    );
    await expectProblem(
      await blog("/api/v1/blog/authors", {
        key,
        method: "POST",
        body: { username: "No Spaces", image: "http://insecure.example" },
      }),
      "validation",
      ["username", "image"],
    );
    await expectProblem(await blog("/api/v1/blog/authors/99", { key }), "not-found");
    await expectProblem(await blog("/api/v1/blog/authors/x", { key }), "validation", ["id"]);
  });
});

describe("tags and statistics", () => {
  it("counts posts per tag, drafts included", async () => {
    const key = await newSandboxKey();
    const res = await blog("/api/v1/blog/tags", { key });
    const body = await expectConforms(api.listTags, res);
    expect(body?.data).toEqual([
      { name: "postgres", posts: 3 },
      { name: "api-design", posts: 2 },
      { name: "node", posts: 2 },
      { name: "performance", posts: 2 },
      { name: "testing", posts: 2 },
      { name: "search", posts: 1 },
    ]);
  });

  it("aggregates the published posts per tag, per author per month, and by comments, one query each", async () => {
    const key = await newSandboxKey();
    const res = await blog("/api/v1/blog/stats", { key });
    const stats = await expectConforms(api.blogStats, res);
    expect(stats).toEqual({
      postsPerTag: [
        { tag: "api-design", posts: 2 },
        { tag: "postgres", posts: 2 },
        { tag: "testing", posts: 2 },
        { tag: "node", posts: 1 },
        { tag: "performance", posts: 1 },
        { tag: "search", posts: 1 },
      ],
      postsPerAuthorPerMonth: [
        { author: "maya", month: "2025-01", posts: 2 },
        { author: "tomas", month: "2025-01", posts: 1 },
        { author: "priya", month: "2025-02", posts: 2 },
        { author: "tomas", month: "2025-02", posts: 1 },
      ],
      mostCommented: [
        {
          slug: "full-text-search-in-postgres",
          title: "Full-text search in Postgres",
          comments: 3,
        },
        { slug: "cursor-pagination-explained", title: "Cursor pagination, explained", comments: 2 },
        {
          slug: "why-we-moved-to-postgres",
          title: "Why we moved our API to Postgres",
          comments: 1,
        },
        {
          slug: "designing-rest-resources",
          title: "Designing REST resources for a blog",
          comments: 1,
        },
        {
          slug: "testing-http-apis-with-vitest",
          title: "Testing HTTP APIs with Vitest",
          comments: 1,
        },
      ],
    });
    expect((res.headers.get("server-timing") ?? "").match(/\bdb;/g)).toHaveLength(3);
    // A draft's tags and comments do not count until it is published.
    await blog(`${POSTS}/choosing-indexes/publish`, { key, method: "POST" });
    const after = await (await blog("/api/v1/blog/stats", { key })).json();
    expect(after.postsPerTag).toContainEqual({ tag: "postgres", posts: 3 });
  });
});

describe("sandboxes", () => {
  it("never see each other's blog, and may use the same slugs and ids", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const inA = await post(a, { title: "Only in A", tags: ["a-only"] });
    const inB = await post(b, { title: "Only in A", tags: ["b-only"] });
    expect([(await inA.json()).id, (await inB.json()).id]).toEqual([9, 9]);
    await blog(`${POSTS}/full-text-search-in-postgres/comments/5`, { key: a, method: "DELETE" });
    await blog(`${POSTS}/choosing-indexes`, { key: a, method: "DELETE" });

    const inBNow = await (await blog(`${POSTS}/only-in-a`, { key: b })).json();
    expect(inBNow.tags).toEqual(["b-only"]);
    expect(await tagNames(b)).not.toContain("a-only");
    expect((await blog(`${POSTS}/choosing-indexes`, { key: b })).status).toBe(200);
    const comments = await (
      await blog(`${POSTS}/full-text-search-in-postgres/comments`, { key: b })
    ).json();
    expect(comments.data).toHaveLength(3);
    expect((await listPosts(b, { q: "indexes" })).body.data.map((p) => p.slug)).toContain(
      "choosing-indexes",
    );
    // No key, no blog.
    await expectProblem(await blog(POSTS, {}), "unauthorized");
  });
});
