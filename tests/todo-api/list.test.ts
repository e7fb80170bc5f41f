import { describe, expect, it } from "vitest";
import { SEED_TODOS } from "@/lib/todo-api/seed";
import { expectPipelineHeaders, expectProblem, linksOf, newSandboxKey } from "../harness";
import {
  createTodo as create,
  etagOf,
  listTodos as list,
  type TodoPage as Page,
  todo,
  todos,
} from "./client";

async function listIds(key: string, query: Record<string, string> = {}): Promise<number[]> {
  const res = await list(key, query);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as Page).data.map((t) => t.id);
}

describe("GET /api/v1/todos", () => {
  it("lists the three seeded todos, first page, ten a page", async () => {
    const key = await newSandboxKey();
    const res = await list(key);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expectPipelineHeaders(res);
    const body = (await res.json()) as Page;
    expect(body.pagination).toEqual({ page: 1, limit: 10, total: 3, totalPages: 1 });
    expect(body.data).toEqual(
      SEED_TODOS.map((seed, i) => ({
        id: i + 1,
        title: seed.title,
        done: seed.done,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      })),
    );
    expect(new Date(body.data[0]?.createdAt ?? "").toString()).not.toBe("Invalid Date");
  });

  it("lists each todo exactly as reading it alone answers, byte for byte, whatever its title holds", async () => {
    const key = await newSandboxKey();
    // Quotes, a backslash, control characters, non-ASCII and an emoji: the list's JSON is written
    // by the database, a single todo's by the server, and the two must not differ.
    for (const title of [
      'say "hi"',
      "back\\slash\ttab\nnewline",
      "bell\u0007 é ü 漢字 🦄",
      "</script>",
    ]) {
      expect((await create(key, { title })).status).toBe(201);
    }
    const res = await list(key, { limit: "100" });
    expect(res.status).toBe(200);
    const text = await res.text();
    const page = JSON.parse(text) as Page;
    expect(page.data).toHaveLength(7);
    // Compact, as JSON.stringify writes it (the ETag is a hash of these bytes).
    expect(text).toBe(JSON.stringify(page));
    for (const listed of page.data) {
      const alone = await todo("GET", listed.id, { key });
      expect(JSON.stringify(listed)).toBe(await alone.text());
    }
    expect(page.data.map((t) => t.title).slice(3)).toEqual([
      'say "hi"',
      "back\\slash\ttab\nnewline",
      "bell\u0007 é ü 漢字 🦄",
      "</script>",
    ]);
  });

  it.each([
    ["page", "0"],
    ["page", "-1"],
    ["page", "abc"],
    ["page", "1.5"],
    ["page", "10001"],
    ["limit", "0"],
    ["limit", "101"],
    ["limit", "ten"],
    ["done", "yes"],
    ["sort", "priority"],
    ["sort", "id,title"],
    ["q", "x".repeat(101)],
    ["q", "nul\u0000"],
  ])("rejects %s=%s with 422 naming the field", async (field, value) => {
    const key = await newSandboxKey();
    const problem = await expectProblem(await list(key, { [field]: value }), "validation", [field]);
    expect(problem.errors).toEqual([{ in: "query", field, message: expect.stringMatching(/\S/) }]);
  });

  it("rejects an unknown query parameter with 422 naming it", async () => {
    const key = await newSandboxKey();
    const problem = await expectProblem(await list(key, { status: "open" }), "validation", [
      "status",
    ]);
    expect(problem.errors?.[0]).toMatchObject({ in: "query", field: "status" });
  });

  it("accepts limit 100, the largest page", async () => {
    const key = await newSandboxKey();
    const body = (await (await list(key, { limit: "100" })).json()) as Page;
    expect(body.pagination).toEqual({ page: 1, limit: 100, total: 3, totalPages: 1 });
  });

  it("filters on done", async () => {
    const key = await newSandboxKey();
    expect(await listIds(key, { done: "true" })).toEqual([1]);
    expect(await listIds(key, { done: "false" })).toEqual([2, 3]);
    const body = (await (await list(key, { done: "false" })).json()) as Page;
    expect(body.pagination.total).toBe(2);
  });

  it("searches titles case-insensitively, with % and _ taken literally", async () => {
    const key = await newSandboxKey();
    expect((await create(key, { title: "Reach 100% coverage" })).status).toBe(201);
    expect((await create(key, { title: "rename snake_case columns" })).status).toBe(201);
    expect(await listIds(key, { q: "http" })).toEqual([1]);
    expect(await listIds(key, { q: "  CONSOLE " })).toEqual([2]);
    expect(await listIds(key, { q: "%" })).toEqual([4]);
    expect(await listIds(key, { q: "_" })).toEqual([5]);
    expect(await listIds(key, { q: "0% c" })).toEqual([4]);
    expect(await listIds(key, { q: "\\" })).toEqual([]);
    expect(await listIds(key, { q: "nothing like this" })).toEqual([]);
  });

  it("sorts by each key, ascending and descending", async () => {
    const key = await newSandboxKey();
    // 4 is created after the seed, then 2 is the last one changed.
    expect((await create(key, { title: "Zip the release" })).status).toBe(201);
    const patched = await todo("PATCH", 2, { key, body: { done: true } });
    expect(patched.status).toBe(200);
    const expected: Record<string, number[]> = {
      id: [1, 2, 3, 4],
      "-id": [4, 3, 2, 1],
      createdAt: [1, 2, 3, 4],
      "-createdAt": [4, 1, 2, 3],
      updatedAt: [1, 3, 4, 2],
      "-updatedAt": [2, 4, 1, 3],
      title: [3, 1, 2, 4],
      "-title": [4, 2, 1, 3],
    };
    for (const [sort, ids] of Object.entries(expected)) {
      expect(await listIds(key, { sort }), `sort=${sort}`).toEqual(ids);
    }
  });

  it("pages through with Link headers that keep the other parameters", async () => {
    const key = await newSandboxKey();
    const res = await list(key, { limit: "1", page: "2", done: "false" });
    const body = (await res.json()) as Page;
    expect(body.data.map((t) => t.id)).toEqual([3]);
    expect(body.pagination).toEqual({ page: 2, limit: 1, total: 2, totalPages: 2 });
    const links = linksOf(res);
    expect(Object.keys(links).sort()).toEqual(["first", "last", "prev"]);
    const target = (rel: string) => new URL(links[rel] ?? "", "http://x");
    for (const rel of ["first", "last", "prev"]) {
      expect(target(rel).pathname).toBe("/api/v1/todos");
      expect(target(rel).searchParams.get("limit")).toBe("1");
      expect(target(rel).searchParams.get("done")).toBe("false");
    }
    expect(target("first").searchParams.get("page")).toBe("1");
    expect(target("last").searchParams.get("page")).toBe("2");
    expect(target("prev").searchParams.get("page")).toBe("1");

    const first = await list(key, { limit: "1", done: "false" });
    expect(linksOf(first)).toEqual({
      first: "/api/v1/todos?limit=1&done=false&page=1",
      last: "/api/v1/todos?limit=1&done=false&page=2",
      next: "/api/v1/todos?limit=1&done=false&page=2",
    });
    expect(await listIds(key, { limit: "2", page: "1" })).toEqual([1, 2]);
    expect(await listIds(key, { limit: "2", page: "2" })).toEqual([3]);
  });

  it("answers a page past the end with no data, the real total, and a way back", async () => {
    const key = await newSandboxKey();
    const res = await list(key, { limit: "2", page: "5" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Page;
    expect(body).toEqual({ data: [], pagination: { page: 5, limit: 2, total: 3, totalPages: 2 } });
    const links = linksOf(res);
    expect(links.next).toBeUndefined();
    expect(links.prev).toBe("/api/v1/todos?limit=2&page=2");
    expect(links.last).toBe("/api/v1/todos?limit=2&page=2");
  });

  it("answers an empty sandbox with one empty page", async () => {
    const key = await newSandboxKey();
    for (const id of [1, 2, 3]) {
      const res = await todo("DELETE", id, { key, headers: { "if-match": await etagOf(key, id) } });
      expect(res.status).toBe(204);
    }
    const body = (await (await list(key)).json()) as Page;
    expect(body).toEqual({ data: [], pagination: { page: 1, limit: 10, total: 0, totalPages: 1 } });
    const later = (await (await list(key, { page: "3" })).json()) as Page;
    expect(later.pagination).toEqual({ page: 3, limit: 10, total: 0, totalPages: 1 });
  });

  it("answers 304 with no body while the list is unchanged, 200 once it changes", async () => {
    const key = await newSandboxKey();
    const first = await list(key);
    const etag = first.headers.get("etag") ?? "";
    const again = await list(key, {}, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    expectPipelineHeaders(again);
    // A different page is a different representation.
    const otherPage = await list(key, { limit: "1" }, { "if-none-match": etag });
    expect(otherPage.status).toBe(200);
    expect((await create(key, { title: "Change the list" })).status).toBe(201);
    const changed = await list(key, {}, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const key = await newSandboxKey();
    const get = await list(key);
    const head = await todos("HEAD", { key });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(head.headers.get("link")).toBe(get.headers.get("link"));
    expectPipelineHeaders(head);
  });
});
