import { describe, expect, it } from "vitest";
import { expectProblem, newSandboxKey } from "../harness";
import { createTodo, etagOf, listTodos, type TodoPage, type TodoView, todo } from "./client";

// Only a real Postgres runs two transactions at once: PGlite has one connection and serializes
// every query, so there these races cannot happen and the tests could not fail. CI runs this file
// again with DATABASE_URL set (.ci/run).
const onPostgres = Boolean(process.env.DATABASE_URL);

describe.runIf(onPostgres)("concurrent writes (real Postgres: transactions overlap)", () => {
  it("lets exactly one of two PATCHes holding the same ETag win", async () => {
    const key = await newSandboxKey();
    const headers = { "if-match": await etagOf(key, 2) };
    const results = await Promise.all([
      todo("PATCH", 2, { key, headers, body: { title: "First writer" } }),
      todo("PATCH", 2, { key, headers, body: { title: "Second writer" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200) as Response;
    const loser = results.find((r) => r.status === 412) as Response;
    expect(winner.headers.get("etag")).toBe(await etagOf(key, 2));
    expect(loser.headers.get("etag")).toBeNull();
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
    const createdRes = await createTodo(a, { title: "A's secret" });
    const createdEtag = createdRes.headers.get("etag");
    const created = (await createdRes.json()) as TodoView;
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
    expect((await todo("DELETE", 1, { key: b })).status).toBe(204);

    expect(await (await listTodos(a)).json()).toEqual(before);
    const aTodo = await todo("GET", 4, { key: a });
    expect(aTodo.headers.get("etag")).toBe(createdEtag);
    expect(await aTodo.json()).toEqual(created);
  });
});
