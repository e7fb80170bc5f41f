import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { blogPost } from "@/db/schema/blog-api";
import { type SearchView, searchPosts, TITLE_MAX } from "@/lib/express-and-sql/contract";
import { expectConforms } from "../contract";
import { expectPipelineHeaders, expectProblem, newSandboxKey } from "../harness";
import { postsOf, SEARCH_PATH, sandboxIdOf, search, searched } from "./client";

const OR_TRUE = "' or 1=1 --";
const DRAFTS = ["Choosing indexes: a checklist", "Node.js streams for backend developers"];

describe("GET /api/v1/injection/posts: concatenated", () => {
  it("finds published posts by title, showing the SQL it pasted together", async () => {
    const key = await newSandboxKey();
    const res = await search(key, { title: "Postgres", mode: "concatenated" });
    expect(res.status).toBe(200);
    expectPipelineHeaders(res);
    const view = await expectConforms(searchPosts, res);
    expect(view.sql).toEqual({
      text: "select id, slug, title, status from posts where status = 'published' and title ilike '%Postgres%' order by id",
      params: {},
    });
    expect(view.ranOn).toBe("sql-console");
    expect(view.posts.map((p) => p.id)).toEqual([1, 3]);
    expect(view.rolledBack).toBe(true);
  });

  it("leaks the caller's drafts when the title closes the string and adds OR 1=1", async () => {
    const key = await newSandboxKey();
    const view = await searched(key, OR_TRUE, "concatenated");
    expect(view.posts).toHaveLength(8);
    expect(view.drafts).toBe(2);
    expect(view.posts.filter((p) => p.status === "draft").map((p) => p.title)).toEqual(DRAFTS);
  });

  it("runs an injected DELETE, UPDATE, DROP or TRUNCATE in the console and keeps every row", async () => {
    const key = await newSandboxKey();
    const before = await postsOf(await sandboxIdOf(key));
    expect(before).toHaveLength(8);
    const deleted = await searched(key, "'; delete from posts; --", "concatenated");
    expect(deleted.statements).toEqual([
      { command: "SELECT", rowCount: 6 },
      { command: "DELETE", rowCount: 8 },
    ]);
    const updated = await searched(key, "'; update posts set title = 'pwned'; --", "concatenated");
    expect(updated.statements[1]).toEqual({ command: "UPDATE", rowCount: 8 });
    for (const title of [
      "'; drop table posts; --",
      "'; truncate posts cascade; --",
      "'; delete from posts; delete from authors; --",
    ]) {
      const view = await searched(key, title, "concatenated");
      expect(view.rolledBack).toBe(true);
      expect(
        view.statements.slice(1).every((s) => s.error === undefined),
        title,
      ).toBe(true);
    }
    // The injected SELECT after the DELETE saw the table empty: the DELETE really ran.
    const last = await searched(
      key,
      "'; delete from posts; select id from posts; --",
      "concatenated",
    );
    expect(last.statements.at(-1)).toEqual({ command: "SELECT", rowCount: 0 });
    expect(await postsOf(await sandboxIdOf(key))).toEqual(before);
    expect((await searched(key, "postgres", "parameterised")).posts).toHaveLength(2);
  });

  it("refuses transaction control smuggled in, and the answer still rolls back", async () => {
    const key = await newSandboxKey();
    const view = await searched(key, "'; delete from posts; commit; --", "concatenated");
    expect(view.statements.map((s) => s.command)).toEqual(["SELECT", "DELETE", "COMMIT"]);
    expect(view.statements[2]?.error?.message).toMatch(/not available here/);
    expect(await postsOf(await sandboxIdOf(key))).toHaveLength(8);
  });

  it("answers a query the title broke with the database's error, and nothing else", async () => {
    const key = await newSandboxKey();
    const view = await searched(key, "it's", "concatenated");
    expect(view.posts).toEqual([]);
    expect(view.statements).toHaveLength(1);
    expect(view.statements[0]?.error?.code).toBe("42601");
  });

  it("turns a title that makes too many statements into a 422 naming title", async () => {
    const key = await newSandboxKey();
    const res = await search(key, { title: `'${";select 1".repeat(20)}--`, mode: "concatenated" });
    await expectProblem(res, "validation", ["title"]);
  });
});

describe("another sandbox's rows are never reachable", () => {
  it("through OR, UNION, the real table names, the catalog or a second statement", async () => {
    const owner = await newSandboxKey();
    const ownerId = await sandboxIdOf(owner);
    const secret = "Zebra secret of another learner";
    const db = await getDb();
    await db.insert(blogPost).values({
      sandboxId: ownerId,
      id: 99,
      authorId: 1,
      slug: "zebra-secret",
      title: secret,
      body: "only mine",
      status: "draft",
    });
    // The owner sees it through the hole in their own sandbox, so it is there to find.
    expect((await searched(owner, OR_TRUE, "concatenated")).posts.map((p) => p.title)).toContain(
      secret,
    );

    const attacker = await newSandboxKey();
    const attacks = [
      OR_TRUE,
      "secret",
      "' union select id, slug, title, status from blog_post --",
      "' union select id, slug, title, status from public.blog_post --",
      "' union select 1, key_hash, '', '' from sandbox --",
      "'; select * from blog_post; --",
      "' union select 1, relname::text, '', '' from pg_class where relname like 'blog%' --",
      "' union select 1, table_schema || '.' || table_name, '', '' from information_schema.tables --",
      "'; select * from pg_temp.posts; --",
      "' union select 1, current_user::text, '', '' --",
    ];
    for (const title of attacks) {
      for (const mode of ["concatenated", "parameterised"]) {
        const res = await search(attacker, { title, mode });
        const text = await res.text();
        expect(res.status, `${mode} ${title}: ${text}`).toBe(200);
        expect(text, `${mode} ${title}`).not.toMatch(/zebra/i);
        const view = JSON.parse(text) as SearchView;
        expect(view.posts.every((p) => typeof p.id === "number" && p.id <= 8)).toBe(true);
        expect(text).not.toContain(ownerId);
      }
    }
  });
});

describe("GET /api/v1/injection/posts: parameterised", () => {
  it("binds the title, so the same input finds nothing and leaks nothing", async () => {
    const key = await newSandboxKey();
    const sandboxId = await sandboxIdOf(key);
    const view = await expectConforms(searchPosts, await search(key, { title: OR_TRUE }));
    expect(view.mode).toBe("parameterised");
    expect(view.ranOn).toBe("database");
    expect(view.posts).toEqual([]);
    expect(view.drafts).toBe(0);
    expect(view.sql.text).not.toContain(OR_TRUE);
    expect(view.sql.params).toEqual({ $1: sandboxId, $2: "published", $3: "%' or 1=1 --%" });
  });

  it("matches % and _ as text, and never finds a draft", async () => {
    const key = await newSandboxKey();
    expect((await searched(key, "%", "parameterised")).posts).toEqual([]);
    expect((await searched(key, "_", "parameterised")).posts).toEqual([]);
    expect((await searched(key, "%", "concatenated")).posts).toHaveLength(6);
    const all = await searched(key, "s", "parameterised");
    expect(all.posts.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await searched(key, "Choosing indexes", "parameterised")).posts).toEqual([]);
    expect((await searched(key, "Choosing indexes", "concatenated")).posts).toEqual([]);
  });
});

describe("bad requests", () => {
  it("name the field that was wrong, before any SQL runs", async () => {
    const key = await newSandboxKey();
    await expectProblem(await search(key, { mode: "concatenated" }), "validation", ["title"]);
    await expectProblem(await search(key, { title: "" }), "validation", ["title"]);
    await expectProblem(await search(key, { title: "x".repeat(TITLE_MAX + 1) }), "validation", [
      "title",
    ]);
    await expectProblem(await search(key, { title: "a\0b" }), "validation", ["title"]);
    const mode = await expectProblem(await search(key, { title: "x", mode: "raw" }), "validation", [
      "mode",
    ]);
    expect(mode.errors?.[0]?.message).toMatch(/concatenated.*parameterised/);
    await expectProblem(await search(key, { title: "x", limit: "5" }), "validation");
  });

  it("need a sandbox key", async () => {
    await expectProblem(await search(undefined, { title: "x" }), "unauthorized");
  });
});

describe("spans", () => {
  it("time the console run or the query, then say what came back", async () => {
    const key = await newSandboxKey();
    const leak = await search(key, { title: OR_TRUE, mode: "concatenated" });
    const timing = leak.headers.get("server-timing") ?? "";
    expect(timing).toMatch(/(^|, )validate;dur=/);
    expect(timing).toMatch(/, sql;dur=[\d.]+;desc="Run the pasted-together text/);
    expect(timing).toContain(
      'search;dur=0;desc="concatenated rows=8 drafts=2 writes=0 changed=0 error=none"',
    );
    const bound = await search(key, { title: OR_TRUE, mode: "parameterised" });
    expect(bound.headers.get("server-timing")).toMatch(
      /, db;dur=[\d.]+;desc="Select your published posts/,
    );
    expect(SEARCH_PATH).toBe(searchPosts.path);
  });
});
