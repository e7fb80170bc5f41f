import { describe, expect, it } from "vitest";
import { FORGED_CURSOR } from "@/content/lessons/api-versioning/examples";
import { encodeCursor } from "@/lib/api-versioning/cursor";
import { TODO_V1_DEPRECATION } from "@/lib/api-versioning/policy";
import { expectProblem, linksOf, newSandboxKey } from "../harness";
import { todosByHeader, todosV1, todosV2, todoV1, todoV2, type V2Page } from "./client";

const SEEDED = [
  "Read the HTTP and REST lesson",
  "Send my first request from the console",
  "Build a Todo API with CRUD",
];

/** Every page of v2's list, following nextCursor, as a client would. */
async function walk(key: string, query: Record<string, string> = {}) {
  const pages: V2Page[] = [];
  let cursor: string | null = null;
  do {
    const res = await todosV2("GET", { key, query: { ...query, ...(cursor ? { cursor } : {}) } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as V2Page;
    pages.push(page);
    cursor = page.nextCursor;
    if (cursor) expect(linksOf(res).next).toContain(`cursor=${encodeURIComponent(cursor)}`);
    else expect(res.headers.get("link")).toBeNull();
  } while (cursor && pages.length < 20);
  return pages;
}

describe("v1: deprecated, and says so", () => {
  it("answers with Deprecation, a later Sunset and a Link to the migration guide", async () => {
    const key = await newSandboxKey();
    const res = await todosV1("GET", { key, query: { limit: "2" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("deprecation")).toBe("@1767225600");
    const sunset = new Date(res.headers.get("sunset") ?? "");
    expect(res.headers.get("sunset")).toBe("Sat, 01 Jan 2028 00:00:00 GMT");
    expect(sunset.getTime()).toBeGreaterThan(TODO_V1_DEPRECATION.since.getTime());
    const link = res.headers.get("link") ?? "";
    expect(link).toContain(
      '</learn/api-versioning#migrating-from-v1-to-v2>; rel="deprecation"; type="text/html"',
    );
    // The page links are still there, beside it.
    expect(linksOf(res)).toMatchObject({ first: expect.any(String), next: expect.any(String) });
    expect(res.headers.get("access-control-expose-headers")).toMatch(/deprecation.*sunset/);
  });

  it("says so on errors too, and on every method, but not on a 304", async () => {
    const key = await newSandboxKey();
    const missing = await todoV1("GET", 999, { key });
    expect(missing.headers.get("deprecation")).toBe("@1767225600");
    await expectProblem(missing, "not-found");
    const created = await todoV1("DELETE", 1, { key });
    expect(created.status).toBe(204);
    expect(created.headers.get("sunset")).not.toBeNull();
    const read = await todoV1("GET", 2, { key });
    const again = await todoV1("GET", 2, {
      key,
      headers: { "if-none-match": read.headers.get("etag") ?? "" },
    });
    expect(again.status).toBe(304);
    for (const name of ["deprecation", "sunset", "link"])
      expect(again.headers.get(name), name).toBeNull();
  });
});

describe("v2: the same todos, another contract", () => {
  it("names the field text, pages by cursor, and is not deprecated", async () => {
    const key = await newSandboxKey();
    const res = await todosV2("GET", { key, query: { limit: "2" } });
    expect(res.status).toBe(200);
    for (const name of ["deprecation", "sunset"]) expect(res.headers.get(name)).toBeNull();
    const page = (await res.json()) as V2Page;
    expect(page.data.map((t) => t.text)).toEqual(SEEDED.slice(0, 2));
    expect(page.data[0]).not.toHaveProperty("title");
    expect(page).not.toHaveProperty("pagination");
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it("walks every todo by cursor, once each, whatever the page size", async () => {
    const key = await newSandboxKey();
    for (const limit of ["1", "2", "3", "100"]) {
      const pages = await walk(key, { limit });
      expect(pages.flatMap((p) => p.data.map((t) => t.id))).toEqual([1, 2, 3]);
      expect(pages.at(-1)?.nextCursor).toBeNull();
    }
    const done = await walk(key, { limit: "1", done: "false" });
    expect(done.flatMap((p) => p.data.map((t) => t.id))).toEqual([2, 3]);
  });

  it("neither skips nor repeats a todo when one before the cursor is deleted meanwhile", async () => {
    const key = await newSandboxKey();
    const first = (await (await todosV2("GET", { key, query: { limit: "2" } })).json()) as V2Page;
    expect((await todoV1("DELETE", 1, { key })).status).toBe(204);
    const next = await todosV2("GET", {
      key,
      query: { limit: "2", cursor: first.nextCursor ?? "" },
    });
    expect(((await next.json()) as V2Page).data.map((t) => t.id)).toEqual([3]);
    // v1's page 2 of the same list now starts one later: offsets shift, cursors do not.
    const page2 = await todosV1("GET", { key, query: { limit: "2", page: "2" } });
    expect(((await page2.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it("refuses a cursor that was forged, edited, cut, used with other filters or in another sandbox", async () => {
    const key = await newSandboxKey();
    const other = await newSandboxKey();
    const page = (await (await todosV2("GET", { key, query: { limit: "1" } })).json()) as V2Page;
    const cursor = page.nextCursor ?? "";
    const edited = `${cursor.slice(0, 3)}${cursor[3] === "A" ? "B" : "A"}${cursor.slice(4)}`;
    for (const bad of [FORGED_CURSOR, edited, cursor.slice(0, -2), "not-a-cursor", "a.b.c"]) {
      const res = await todosV2("GET", { key, query: { limit: "1", cursor: bad } });
      await expectProblem(res, "invalid-cursor", ["cursor"]);
    }
    const elsewhere = await todosV2("GET", { key: other, query: { limit: "1", cursor } });
    await expectProblem(elsewhere, "invalid-cursor", ["cursor"]);
    const filtered = await todosV2("GET", { key, query: { limit: "1", cursor, done: "true" } });
    const problem = await expectProblem(filtered, "invalid-cursor", ["cursor"]);
    expect(problem.detail).toContain("done=true");
    // A well-formed cursor of this sandbox still works: only ours are accepted.
    const ok = await todosV2("GET", { key, query: { limit: "1", cursor } });
    expect(ok.status).toBe(200);
    const sandboxId = "not-this-one";
    const foreign = encodeCursor(sandboxId, { after: 1 });
    await expectProblem(
      await todosV2("GET", { key, query: { cursor: foreign } }),
      "invalid-cursor",
      ["cursor"],
    );
    const long = await todosV2("GET", { key, query: { cursor: "x".repeat(513) } });
    await expectProblem(long, "validation", ["cursor"]);
  });

  it("creates, reads, replaces, patches and deletes with text, seen as title in v1", async () => {
    const key = await newSandboxKey();
    const created = await todosV2("POST", { key, body: { text: "  Ship v2  " } });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/api/v2/todos/4");
    expect(await created.json()).toMatchObject({ id: 4, text: "Ship v2", done: false });
    const v1 = await todoV1("GET", 4, { key });
    expect(await v1.json()).toMatchObject({ id: 4, title: "Ship v2", done: false });
    const v2 = await todoV2("GET", 4, { key });
    expect(v2.headers.get("etag")).toBe(v1.headers.get("etag"));

    const put = await todoV2("PUT", 4, { key, body: { text: "Ship v2 today", done: false } });
    expect(put.headers.get("content-location")).toBe("/api/v2/todos/4");
    expect(await put.json()).toMatchObject({ text: "Ship v2 today" });
    const patched = await todoV2("PATCH", 4, {
      key,
      headers: { "content-type": "application/merge-patch+json" },
      body: { done: true },
    });
    expect(await patched.json()).toMatchObject({ text: "Ship v2 today", done: true });
    expect((await todoV2("DELETE", 4, { key })).status).toBe(204);
    await expectProblem(await todoV1("GET", 4, { key }), "not-found");
  });

  it("refuses v1's field names, naming them", async () => {
    const key = await newSandboxKey();
    const res = await todosV2("POST", { key, body: { title: "Old habits" } });
    await expectProblem(res, "validation", ["text", "title"]);
    const patch = await todoV2("PATCH", 2, {
      key,
      headers: { "content-type": "application/merge-patch+json" },
      body: { title: "x" },
    });
    // title is not a v2 field, and without it the patch changes nothing.
    await expectProblem(patch, "validation", ["(root)", "title"]);
  });

  it("keeps v1's rules: deleting an unfinished todo needs If-Match, named with the v2 path", async () => {
    const key = await newSandboxKey();
    const res = await todoV2("DELETE", 2, { key });
    const problem = await expectProblem(res, "precondition-required");
    expect(problem.detail).toContain("GET /api/v2/todos/2");
    const etag = (await todoV2("GET", 2, { key })).headers.get("etag") ?? "";
    expect((await todoV2("DELETE", 2, { key, headers: { "if-match": etag } })).status).toBe(204);
  });
});

describe("/api/todos: the version named by a header", () => {
  it("answers v1 by default, deprecated, and says which version answered", async () => {
    const key = await newSandboxKey();
    const res = await todosByHeader({ key });
    expect(res.status).toBe(200);
    expect(res.headers.get("api-version")).toBe("1");
    expect(res.headers.get("deprecation")).toBe("@1767225600");
    expect(res.headers.get("vary")).toBe("X-Sandbox-Key, Cookie, API-Version, Accept");
    expect(await res.json()).toHaveProperty("pagination");
  });

  it("answers v2 for API-Version: 2, or for v2's media type, labelled with it", async () => {
    const key = await newSandboxKey();
    const byHeader = await todosByHeader({ key, headers: { "api-version": " 2 " } });
    expect(byHeader.headers.get("api-version")).toBe("2");
    expect(byHeader.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(byHeader.headers.get("deprecation")).toBeNull();
    expect(((await byHeader.json()) as V2Page).data[0]?.text).toBe(SEEDED[0]);

    const accept = "application/vnd.bmj.todo.v1+json;q=0.5, application/vnd.bmj.todo.v2+json";
    const byType = await todosByHeader({ key, headers: { accept } });
    expect(byType.headers.get("content-type")).toBe(
      "application/vnd.bmj.todo.v2+json; charset=utf-8",
    );
    expect(byType.headers.get("vary")).toContain("API-Version, Accept");
    const v1 = await todosByHeader({
      key,
      headers: { accept: "application/vnd.bmj.todo.v1+json" },
    });
    expect(v1.headers.get("api-version")).toBe("1");
    const agreed = await todosByHeader({
      key,
      headers: { "api-version": "2", accept: "application/vnd.bmj.todo.v2+json" },
    });
    expect(agreed.status).toBe(200);
  });

  it("keeps validators per version: a v1 ETag does not revalidate the v2 answer", async () => {
    const key = await newSandboxKey();
    const v1 = await todosByHeader({ key });
    const v2 = await todosByHeader({
      key,
      headers: { "api-version": "2", "if-none-match": v1.headers.get("etag") ?? "" },
    });
    expect(v2.status).toBe(200);
  });

  it("refuses versions it does not have: 400 by header, 406 by media type, 400 when they disagree", async () => {
    const key = await newSandboxKey();
    for (const version of ["3", "v2", "", "2.0"]) {
      const res = await todosByHeader({ key, headers: { "api-version": version } });
      await expectProblem(res, "unknown-api-version", ["API-Version"]);
    }
    const v3 = await todosByHeader({
      key,
      headers: { accept: "application/vnd.bmj.todo.v3+json" },
    });
    expect(v3.headers.get("vary")).toBe("API-Version, Accept");
    await expectProblem(v3, "not-acceptable");
    await expectProblem(
      await todosByHeader({ key, headers: { accept: "text/html" } }),
      "not-acceptable",
    );
    const clash = await todosByHeader({
      key,
      headers: { "api-version": "1", accept: "application/vnd.bmj.todo.v2+json" },
    });
    await expectProblem(clash, "unknown-api-version");
  });

  it("passes the query to the chosen version, and its validation", async () => {
    const key = await newSandboxKey();
    const v1 = await todosByHeader({ key, query: { page: "2", limit: "2" } });
    expect(((await v1.json()) as { data: unknown[] }).data).toHaveLength(1);
    const v2 = await todosByHeader({
      key,
      query: { page: "2" },
      headers: { "api-version": "2" },
    });
    await expectProblem(v2, "validation", ["page"]);
  });
});
