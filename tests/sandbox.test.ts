import { describe, expect, it } from "vitest";
import * as progress from "@/app/api/progress/[slug]/route";
import { GET as readLog } from "@/app/api/sandbox/log/route";
import * as reset from "@/app/api/sandbox/reset/route";
import { POST as createSandboxRoute, GET as showSandbox } from "@/app/api/sandbox/route";
import { env } from "@/lib/env";
import { markLessonDone } from "@/lib/progress/service";
import { SANDBOX_COOKIE, SANDBOX_HEADER } from "@/lib/sandbox/keys";
import { SEED_TODOS } from "@/lib/todo-api/seed";
import { type CallOptions, call, expectProblem, newSandboxKey, randomAddress } from "./harness";
import { createTodo, listTodos, type TodoPage, todo } from "./todo-api/client";

type SandboxBody = { id: string; key: string; created: boolean; requests: number };

const show = (options: CallOptions = {}) => call(showSandbox, "/api/sandbox", {}, options);
const create = (options: CallOptions = {}) =>
  call(createSandboxRoute, "/api/sandbox", {}, { method: "POST", ...options });
const fresh = () => create({ headers: { "x-forwarded-for": randomAddress() } });
const resetSandbox = (options: CallOptions) =>
  call(reset.POST, "/api/sandbox/reset", {}, { method: "POST", ...options });

describe("POST /api/sandbox and GET /api/sandbox", () => {
  it("creates a sandbox on POST, with its key in a header, the body and a cookie", async () => {
    const res = await fresh();
    expect(res.status).toBe(201);
    const body = (await res.json()) as SandboxBody;
    expect(body).toEqual({
      id: expect.any(String),
      key: expect.any(String),
      created: true,
      requests: 0,
      realworldPublicId: expect.stringMatching(/^rw_[a-z2-7]{20}$/),
      realworldBaseUrl: expect.stringMatching(
        /^http:\/\/bmj\.test\/api\/v1\/realworld\/rw_\w{20}\/api$/,
      ),
      realworldEnabled: true,
    });
    expect(body.key).toMatch(/^sbx_[A-Za-z0-9_-]{43}$/);
    expect(res.headers.get(SANDBOX_HEADER)).toBe(body.key);
    expect(res.headers.get("set-cookie")).toBe(
      `${SANDBOX_COOKIE}=${body.key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`,
    );
    const https = await create({
      headers: { "x-forwarded-for": randomAddress(), "x-forwarded-proto": "https" },
    });
    expect(https.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("never creates a sandbox on GET: 404 until there is one", async () => {
    const res = await show({ headers: { "x-forwarded-for": randomAddress() } });
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get(SANDBOX_HEADER)).toBeNull();
    await expectProblem(res, "not-found");
  });

  it("gives every first POST a different sandbox", async () => {
    const [a, b] = await Promise.all([fresh(), fresh()]);
    const [bodyA, bodyB] = (await Promise.all([a.json(), b.json()])) as SandboxBody[];
    expect(bodyA?.id).not.toBe(bodyB?.id);
    expect(bodyA?.key).not.toBe(bodyB?.key);
  });

  it("finds the same sandbox from the key in the header or in the cookie", async () => {
    const created = (await (await fresh()).json()) as SandboxBody;
    const byHeader = await show({ key: created.key });
    const byCookie = await show({ headers: { cookie: `${SANDBOX_COOKIE}=${created.key}` } });
    for (const res of [byHeader, byCookie]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(res.headers.get(SANDBOX_HEADER)).toBeNull();
      expect(await res.json()).toEqual({ ...created, created: false });
    }
  });

  it("answers a POST from a learner who has a sandbox with that sandbox, replacing nothing", async () => {
    const key = await newSandboxKey();
    const again = await create({ headers: { cookie: `${SANDBOX_COOKIE}=${key}` } });
    expect(again.status).toBe(200);
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await again.json()).toMatchObject({ key, created: false });
  });

  it("prefers the header when the header and the cookie name different sandboxes", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const idOf = async (key: string) => ((await (await show({ key })).json()) as SandboxBody).id;
    const res = await show({ key: a, headers: { cookie: `${SANDBOX_COOKIE}=${b}` } });
    expect(((await res.json()) as SandboxBody).id).toBe(await idOf(a));
  });

  it.each([
    ["a well-formed unknown key", `sbx_${"A".repeat(43)}`],
    ["a malformed key", "not-a-key"],
  ])("answers 401 for %s in the header, and creates nothing", async (_, key) => {
    const res = await call(reset.POST, "/api/sandbox/reset", {}, { method: "POST", key });
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get(SANDBOX_HEADER)).toBeNull();
    await expectProblem(res, "unauthorized");
    // The lesson APIs answer the same way.
    await expectProblem(await listTodos(key), "unauthorized");
    await expectProblem(await createTodo(key, { title: "x" }), "unauthorized");
  });

  it("answers a lesson API request without any key with 401 saying how to get one", async () => {
    const res = await listTodos("");
    const problem = await expectProblem(res, "unauthorized");
    expect(problem.detail).toContain("POST /api/sandbox");
    expect(res.headers.get("www-authenticate")).toContain(SANDBOX_HEADER);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("replaces an unknown key in the cookie with a new sandbox on a same-origin POST", async () => {
    const stale = `sbx_${"B".repeat(43)}`;
    const res = await create({
      headers: { cookie: `${SANDBOX_COOKIE}=${stale}`, "x-forwarded-for": randomAddress() },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as SandboxBody;
    expect(body.created).toBe(true);
    expect(body.key).not.toBe(stale);
    expect(res.headers.get("set-cookie")).toContain(`${SANDBOX_COOKIE}=${body.key};`);
  });

  it("limits how many sandboxes one address creates, and still serves its existing ones", async () => {
    const headers = { "x-forwarded-for": randomAddress() };
    const limit = env().SANDBOX_CREATE_LIMIT;
    let key = "";
    for (let i = 0; i < limit; i++) {
      const res = await create({ headers });
      expect(res.status, `creation ${i + 1} of ${limit}`).toBe(201);
      key = res.headers.get(SANDBOX_HEADER) ?? "";
    }
    const refused = await create({ headers });
    expect(refused.headers.get("set-cookie")).toBeNull();
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-policy")).toBe(`"sandbox-create";q=${limit};w=3600`);
    expect(refused.headers.get("ratelimit")).toMatch(/^"sandbox-create";r=0;t=\d+$/);
    await expectProblem(refused, "rate-limited");
    expect((await show({ headers, key })).status).toBe(200);
    expect((await listTodos(key)).status).toBe(200);
    expect((await fresh()).status).toBe(201);
  }, 60_000);
});

describe("POST /api/sandbox from IPv6", () => {
  it("counts an IPv6 client's whole /64 as one address: a new address in it does not reset the limit", async () => {
    const hex = () => Math.floor(Math.random() * 0xffff).toString(16);
    const net = `2001:db8:${hex()}:${hex()}`;
    const limit = env().SANDBOX_CREATE_LIMIT;
    for (let i = 0; i < limit; i++) {
      const res = await create({
        headers: { "x-forwarded-for": `${net}::${(i + 1).toString(16)}` },
      });
      expect(res.status, `creation ${i + 1} of ${limit}`).toBe(201);
    }
    const sameNetwork = await create({ headers: { "x-forwarded-for": `${net}:0:0:abcd:1` } });
    await expectProblem(sameNetwork, "rate-limited");
    const otherNetwork = await create({
      headers: { "x-forwarded-for": `2001:db8:${hex()}:${hex()}::1` },
    });
    expect(otherNetwork.status).toBe(201);
  }, 60_000);
});

describe("POST /api/sandbox/reset", () => {
  it("wipes and reseeds the todos, restarts ids at 1, empties the log, keeps progress", async () => {
    const key = await newSandboxKey();
    const before = (await (await show({ key })).json()) as SandboxBody;
    await createTodo(key, { title: "Mine" });
    await todo("DELETE", 2, { key });
    await todo("PATCH", 1, { key, body: { title: "Renamed", done: false } });
    await markLessonDone({ sandboxId: before.id, slug: "todo-api" });
    expect(((await (await show({ key })).json()) as SandboxBody).requests).toBe(3);

    const res = await resetSandbox({ key });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: before.id, reset: true });

    const page = (await (await listTodos(key)).json()) as TodoPage;
    expect(page.data.map(({ id, title, done }) => ({ id, title, done }))).toEqual(
      SEED_TODOS.map((seed, i) => ({ id: i + 1, ...seed })),
    );
    expect((await todo("GET", 1, { key })).headers.get("etag")).toMatch(/^"1-\d+"$/);
    expect(await (await createTodo(key, { title: "After reset" })).json()).toMatchObject({ id: 4 });

    const log = (await (await call(readLog, "/api/sandbox/log", {}, { key })).json()) as {
      data: Array<{ path: string }>;
    };
    expect(log.data.map((entry) => entry.path)).toEqual([
      "/api/v1/todos",
      "/api/v1/todos/1",
      "/api/v1/todos",
    ]);
    const done = await call(progress.GET, "/api/progress/todo-api", { slug: "todo-api" }, { key });
    expect(await done.json()).toEqual({ slug: "todo-api", done: true });
    expect(await (await show({ key })).json()).toMatchObject({ id: before.id, created: false });
  });

  it("leaves other sandboxes alone", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    await createTodo(b, { title: "B keeps this" });
    await createTodo(a, { title: "A loses this" });
    expect((await resetSandbox({ key: a })).status).toBe(200);
    const pageB = (await (await listTodos(b)).json()) as TodoPage;
    expect(pageB.data.map((t) => t.id)).toEqual([1, 2, 3, 4]);
    expect(((await (await listTodos(a)).json()) as TodoPage).pagination.total).toBe(3);
  });

  it("answers 401 for an unknown key and 405 for GET", async () => {
    await expectProblem(await resetSandbox({ key: `sbx_${"C".repeat(43)}` }), "unauthorized");
    const key = await newSandboxKey();
    const get = await call(reset.GET, "/api/sandbox/reset", {}, { key });
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    await expectProblem(get, "method-not-allowed");
  });
});

describe("reset racing other requests", () => {
  it("answers every request, never 500, when writes and resets of one sandbox overlap", async () => {
    const statuses: string[] = [];
    for (let round = 0; round < 4; round++) {
      const key = await newSandboxKey();
      const requests: Array<[string, Promise<Response>]> = [
        ["create", createTodo(key, { title: "Before" })],
        ["patch", todo("PATCH", 1, { key, body: { done: false } })],
        ["reset", resetSandbox({ key })],
        ["create", createTodo(key, { title: "During" })],
        ["patch", todo("PATCH", 2, { key, body: { done: true } })],
        ["reset", resetSandbox({ key })],
        ["create", createTodo(key, { title: "After" })],
      ];
      for (const [name, res] of requests) statuses.push(`${name} ${(await res).status}`);
      const page = (await (await listTodos(key, { limit: "100" })).json()) as TodoPage;
      const ids = page.data.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      const next = await createTodo(key, { title: "Next" });
      expect(next.status).toBe(201);
      expect(ids).not.toContain(((await next.json()) as { id: number }).id);
    }
    expect(statuses.filter((s) => !/^(create 201|patch 200|reset 200)$/.test(s))).toEqual([]);
  }, 60_000);
});
