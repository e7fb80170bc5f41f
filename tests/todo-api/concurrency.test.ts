import { describe, expect, it } from "vitest";
import { GET as showSandbox } from "@/app/api/sandbox/route";
import { expectProblem, newSandboxKey } from "../harness";
import { createTodo, listTodos, type TodoPage, type TodoView, todo } from "./client";

describe("If-Match", () => {
  it.each(["PUT", "PATCH", "DELETE"] as const)(
    "%s goes ahead with the current ETag, and answers 412 with the current ETag otherwise",
    async (method) => {
      const key = await newSandboxKey();
      const body = method === "DELETE" ? undefined : { title: "Changed", done: true };
      await todo("PATCH", 1, { key, body: { done: false } });
      // Stale, weak (If-Match compares strongly), and another todo's tag.
      for (const stale of ['"1-1"', 'W/"1-2"', '"2-2"']) {
        const res = await todo(method, 1, { key, body, headers: { "if-match": stale } });
        expect(res.headers.get("etag"), stale).toBe('"1-2"');
        const problem = await expectProblem(res, "precondition-failed");
        expect(problem.detail).toContain('"1-2"');
      }
      expect(await (await todo("GET", 1, { key })).json()).toMatchObject({ done: false });
      const ok = await todo(method, 1, { key, body, headers: { "if-match": '"9-9", "1-2"' } });
      expect(ok.status).toBe(method === "DELETE" ? 204 : 200);
    },
  );

  it("* matches any existing todo but not a missing one", async () => {
    const key = await newSandboxKey();
    const body = { done: false };
    const res = await todo("PATCH", 1, { key, body, headers: { "if-match": "*" } });
    expect(res.status).toBe(200);
    const missing = await todo("PATCH", 99, { key, body, headers: { "if-match": "*" } });
    await expectProblem(missing, "not-found");
  });

  it("lets a GET's ETag guard the next write, then refuses it once used", async () => {
    const key = await newSandboxKey();
    const etag = (await todo("GET", 3, { key })).headers.get("etag") ?? "";
    const first = await todo("PATCH", 3, {
      key,
      body: { done: true },
      headers: { "if-match": etag },
    });
    expect(first.status).toBe(200);
    const again = await todo("PATCH", 3, {
      key,
      body: { done: false },
      headers: { "if-match": etag },
    });
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    await expectProblem(again, "precondition-failed");
  });
});

describe("concurrent writes", () => {
  it("lets exactly one of two PATCHes holding the same ETag win", async () => {
    const key = await newSandboxKey();
    const headers = { "if-match": '"2-1"' };
    const results = await Promise.all([
      todo("PATCH", 2, { key, headers, body: { title: "First writer" } }),
      todo("PATCH", 2, { key, headers, body: { title: "Second writer" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200) as Response;
    const loser = results.find((r) => r.status === 412) as Response;
    expect(winner.headers.get("etag")).toBe('"2-2"');
    expect(loser.headers.get("etag")).toBe('"2-2"');
    const won = (await winner.json()) as TodoView;
    expect(await (await todo("GET", 2, { key })).json()).toMatchObject({ title: won.title });
  });

  it("gives ten parallel creates ten distinct ids, 4 to 13", async () => {
    const key = await newSandboxKey();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createTodo(key, { title: `Parallel ${i}` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = await Promise.all(results.map(async (r) => ((await r.json()) as TodoView).id));
    expect(ids.sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    for (const res of results) {
      expect(res.headers.get("location")).toMatch(/^\/api\/v1\/todos\/([4-9]|1[0-3])$/);
    }
    const page = (await (await listTodos(key, { limit: "100" })).json()) as TodoPage;
    expect(page.pagination.total).toBe(13);
  });

  it("numbers each sandbox's creates on their own even when they interleave", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createTodo(i % 2 ? a : b, { title: `Mixed ${i}` })),
    );
    const ids = await Promise.all(results.map(async (r) => ((await r.json()) as TodoView).id));
    expect(ids.filter((_, i) => i % 2).sort()).toEqual([4, 5, 6]);
    expect(ids.filter((_, i) => !(i % 2)).sort()).toEqual([4, 5, 6]);
  });
});

describe("sandbox isolation", () => {
  it("starts every sandbox with its own todos 1 to 3", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    await todo("PATCH", 1, { key: a, body: { title: "Only in A" } });
    const idsOf = async (key: string) =>
      ((await (await listTodos(key)).json()) as TodoPage).data.map((t) => [t.id, t.title]);
    expect((await idsOf(a)).map(([id]) => id)).toEqual([1, 2, 3]);
    expect((await idsOf(b)).map(([id]) => id)).toEqual([1, 2, 3]);
    expect((await idsOf(b))[0]?.[1]).toBe("Read the HTTP and REST lesson");
  });

  it("keeps A's todos out of B's reach, and leaves them unchanged", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const created = (await (await createTodo(a, { title: "A's secret" })).json()) as TodoView;
    expect(created.id).toBe(4);
    const before = await (await listTodos(a)).json();

    const listB = (await (await listTodos(b, { q: "secret" })).json()) as TodoPage;
    expect(listB).toEqual({
      data: [],
      pagination: { page: 1, limit: 10, total: 0, totalPages: 1 },
    });
    expect(((await (await listTodos(b)).json()) as TodoPage).pagination.total).toBe(3);

    await expectProblem(await todo("GET", 4, { key: b }), "not-found");
    const head = await todo("HEAD", 4, { key: b });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe("");
    await expectProblem(await todo("PATCH", 4, { key: b, body: { done: true } }), "not-found");
    const replace = { title: "Taken over", done: true };
    await expectProblem(await todo("PUT", 4, { key: b, body: replace }), "not-found");
    const star = { "if-match": "*" };
    await expectProblem(
      await todo("PUT", 4, { key: b, body: replace, headers: star }),
      "not-found",
    );
    await expectProblem(await todo("DELETE", 4, { key: b }), "not-found");
    // B writing its own todo 1 does not touch A's todo 1.
    expect((await todo("PATCH", 1, { key: b, body: { title: "B's one" } })).status).toBe(200);
    expect((await todo("DELETE", 2, { key: b })).status).toBe(204);

    expect(await (await listTodos(a)).json()).toEqual(before);
    const aTodo = await todo("GET", 4, { key: a });
    expect(aTodo.headers.get("etag")).toBe('"4-1"');
    expect(await aTodo.json()).toEqual(created);
  });
});
