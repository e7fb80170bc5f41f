import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as progress from "@/app/api/progress/[slug]/route";
import { GET as readLog } from "@/app/api/sandbox/log/route";
import { POST as resetSandbox } from "@/app/api/sandbox/reset/route";
import { GET as showSandbox } from "@/app/api/sandbox/route";
import { GET as delay } from "@/app/api/v1/(http-and-rest)/http/delay/[ms]/route";
import { GET as echo } from "@/app/api/v1/(http-and-rest)/http/echo/route";
import { getDb } from "@/db";
import { requestLog } from "@/db/schema/sandboxes";
import { Timing } from "@/lib/http/timing";
import { markLessonDone } from "@/lib/progress/service";
import { SANDBOX_COOKIE } from "@/lib/sandbox/keys";
import { logRequest, pruneRequestLog, REQUEST_LOG_KEEP } from "@/lib/sandbox/request-log";
import { type CallOptions, call, expectProblem, newSandboxKey, randomAddress } from "./harness";
import { createTodo, listTodos, todo } from "./todo-api/client";

type Entry = {
  id: number;
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  spans: Array<{ name: string; start: number; dur: number; desc?: string }>;
  createdAt: string;
};

async function logOf(key: string, query: Record<string, string> = {}): Promise<Entry[]> {
  const res = await call(readLog, "/api/sandbox/log", {}, { key, query });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { data: Entry[] }).data;
}

const progressRoutes = { GET: progress.GET, PUT: progress.PUT, DELETE: progress.DELETE };
const progressOf = (method: keyof typeof progressRoutes, slug: string, options: CallOptions = {}) =>
  call(progressRoutes[method], `/api/progress/${slug}`, { slug }, { ...options, method });

async function idOf(key: string): Promise<string> {
  const res = await call(showSandbox, "/api/sandbox", {}, { key });
  return ((await res.json()) as { id: string }).id;
}

describe("GET /api/sandbox/log", () => {
  it("lists the sandbox's lesson API requests newest first, with status, duration and spans", async () => {
    const key = await newSandboxKey();
    const sent = [
      await listTodos(key, { limit: "2" }),
      await createTodo(key, { title: "Logged" }),
      await todo("GET", 99, { key }),
      await todo("POST", 1, { key }),
      await createTodo(key, { title: "" }),
      await call(delay, "/api/v1/http/delay/0", { ms: "0" }, { key }),
    ];
    const entries = await logOf(key);
    expect(entries.map(({ method, path, status }) => [method, path, status])).toEqual([
      ["GET", "/api/v1/http/delay/0", 200],
      ["POST", "/api/v1/todos", 422],
      ["POST", "/api/v1/todos/1", 405],
      ["GET", "/api/v1/todos/99", 404],
      ["POST", "/api/v1/todos", 201],
      ["GET", "/api/v1/todos?limit=2", 200],
    ]);
    expect(entries.map((e) => e.requestId)).toEqual(
      sent.map((res) => res.headers.get("x-request-id")).reverse(),
    );
    const ids = entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    for (const entry of entries) {
      expect(entry).not.toHaveProperty("sandboxId");
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
      expect(new Date(entry.createdAt).toString()).not.toBe("Invalid Date");
    }
    const spanNames = (entry: Entry | undefined) => entry?.spans.map((s) => s.name);
    expect(spanNames(entries[5])).toEqual(["sandbox", "ratelimit", "validate", "db", "instance"]);
    expect(spanNames(entries[4])).toEqual(["sandbox", "ratelimit", "validate", "db", "instance"]);
    // Every request counts first; validation rejected this one before any query, and the 405
    // never reached validation. The instance that answered is always the last span.
    expect(spanNames(entries[1])).toEqual(["sandbox", "ratelimit", "validate", "instance"]);
    expect(spanNames(entries[2])).toEqual(["sandbox", "ratelimit", "instance"]);
    expect(spanNames(entries[0])).toEqual([
      "sandbox",
      "ratelimit",
      "validate",
      "delay",
      "instance",
    ]);
    expect(entries[0]?.spans[3]).toMatchObject({ desc: "Wait 0 ms", dur: expect.any(Number) });
    expect(entries[0]?.spans[3]?.start).toBeGreaterThanOrEqual(0);
  });

  it("leaves out the portal's own calls: sandbox, log, reset and progress", async () => {
    const key = await newSandboxKey();
    await listTodos(key);
    await call(showSandbox, "/api/sandbox", {}, { key });
    await logOf(key);
    await progressOf("PUT", "todo-api", { key });
    await progressOf("GET", "todo-api", { key });
    await progressOf("DELETE", "todo-api", { key });
    await call(readLog, "/api/sandbox/log", {}, { key, method: "POST" });
    expect((await logOf(key)).map((e) => e.path)).toEqual(["/api/v1/todos"]);
    const body = await (await call(showSandbox, "/api/sandbox", {}, { key })).json();
    expect(body.requests).toBe(1);
    await call(resetSandbox, "/api/sandbox/reset", {}, { key, method: "POST" });
    expect(await logOf(key)).toEqual([]);
  });

  it("logs requests made with the cookie, and keeps each sandbox's log to itself", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    await listTodos("", { q: "mine" }, { cookie: `${SANDBOX_COOKIE}=${a}` });
    await todo("GET", 1, { key: b });
    expect((await logOf(a)).map((e) => e.path)).toEqual(["/api/v1/todos?q=mine"]);
    expect((await logOf(b)).map((e) => e.path)).toEqual(["/api/v1/todos/1"]);
  });

  it("writes nothing for requests without a usable key", async () => {
    const db = await getDb();
    const count = async () =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(requestLog))[0]?.n;
    const before = await count();
    for (let i = 0; i < 20; i++) {
      await listTodos("");
      await listTodos(`sbx_${"Z".repeat(43)}`);
      await todo("PATCH", 1, { key: "garbage", body: { done: "x" } });
    }
    expect(await count()).toBe(before);
  });

  it("masks secret-looking query parameters in the log", async () => {
    const key = await newSandboxKey();
    await call(
      echo,
      "/api/v1/http/echo",
      {},
      {
        key,
        query: { api_key: "s3cret", token: "t0k", password: "pw", q: "visible" },
      },
    );
    const [entry] = await logOf(key);
    expect(entry?.path).toBe("/api/v1/http/echo?api_key=***&token=***&password=***&q=visible");
    expect(JSON.stringify(await logOf(key))).not.toMatch(/s3cret|t0k|"pw"/);
  });

  it("keeps the newest 200 entries per sandbox, pruning older ones as new ones arrive", async () => {
    const key = await newSandboxKey();
    const sandboxId = (
      (await (await call(showSandbox, "/api/sandbox", {}, { key })).json()) as { id: string }
    ).id;
    const db = await getDb();
    await db.insert(requestLog).values(
      Array.from({ length: REQUEST_LOG_KEEP + 50 }, (_, i) => ({
        sandboxId,
        requestId: `old-${i}`,
        method: "GET",
        path: "/api/v1/todos",
        status: 200,
        durationMs: 1,
        spans: [],
      })),
    );
    await pruneRequestLog({ sandboxId });
    const kept = await db
      .select({ requestId: requestLog.requestId })
      .from(requestLog)
      .where(eq(requestLog.sandboxId, sandboxId));
    expect(kept).toHaveLength(REQUEST_LOG_KEEP);
    expect(kept.map((r) => r.requestId)).not.toContain("old-0");
    expect(kept.map((r) => r.requestId)).toContain(`old-${REQUEST_LOG_KEEP + 49}`);
  });

  it("prunes as entries are written in batches: the newest stay, the oldest go, the log stays bounded", async () => {
    const key = await newSandboxKey();
    const sandboxId = await idOf(key);
    const finished = (n: number) => ({
      req: new NextRequest(`http://localhost/api/v1/todos/${n}`),
      ctx: {
        requestId: `batch-${n}`,
        timing: new Timing(),
        headers: new Headers(),
        subject: sandboxId,
      },
      status: 200,
      duration: 1,
    });
    const total = REQUEST_LOG_KEEP * 2;
    for (let from = 0; from < total; from += 50) {
      // Each group is queued together and written in one INSERT, which prunes as it goes.
      await Promise.all(Array.from({ length: 50 }, (_, i) => logRequest(finished(from + i))));
    }
    const db = await getDb();
    const kept = (
      await db
        .select({ requestId: requestLog.requestId })
        .from(requestLog)
        .where(eq(requestLog.sandboxId, sandboxId))
    ).map((r) => r.requestId);
    // At most one batch and one pruning interval beyond what is kept, never fewer than it.
    expect(kept.length).toBeGreaterThanOrEqual(REQUEST_LOG_KEEP);
    expect(kept.length).toBeLessThanOrEqual(REQUEST_LOG_KEEP + 50 + 20);
    expect(kept).toContain(`batch-${total - 1}`);
    expect(kept).not.toContain("batch-0");
    expect(kept).not.toContain(`batch-${REQUEST_LOG_KEEP - 100}`);
  });

  it("writes every entry of a burst of concurrent requests, each to its own sandbox, even when one sandbox is gone", async () => {
    // Entries that arrive while an INSERT is in flight are written together in one INSERT; a
    // batch holding an entry for a deleted sandbox must not lose the others.
    const [a, b] = [await newSandboxKey(), await newSandboxKey()];
    const [idA, idB] = [await idOf(a), await idOf(b)];
    const finished = (subject: string, n: number) => ({
      req: new NextRequest(`http://localhost/api/v1/todos/${n}`),
      ctx: { requestId: `burst-${n}`, timing: new Timing(), headers: new Headers(), subject },
      status: 200,
      duration: 1,
    });
    const gone = crypto.randomUUID(); // no such sandbox: its INSERT violates the foreign key
    await Promise.all(
      Array.from({ length: 90 }, (_, n) =>
        logRequest(finished(n === 45 ? gone : n % 2 ? idA : idB, n)),
      ),
    );
    const db = await getDb();
    const rows = await db
      .select({ sandboxId: requestLog.sandboxId, requestId: requestLog.requestId })
      .from(requestLog)
      .where(sql`${requestLog.requestId} like 'burst-%'`);
    const of = (id: string) => rows.filter((r) => r.sandboxId === id).map((r) => r.requestId);
    const numbers = (odd: number) =>
      Array.from({ length: 90 }, (_, n) => n)
        .filter((n) => n % 2 === odd && n !== 45)
        .map((n) => `burst-${n}`)
        .sort();
    expect(of(idA).sort()).toEqual(numbers(1)); // 45 was sent as `gone`
    expect(of(idB).sort()).toEqual(numbers(0));
    expect(rows).toHaveLength(89);
  });

  it("returns the newest `limit` entries, and rejects a bad limit or parameter", async () => {
    const key = await newSandboxKey();
    for (const id of [1, 2, 3]) await todo("GET", id, { key });
    expect((await logOf(key, { limit: "2" })).map((e) => e.path)).toEqual([
      "/api/v1/todos/3",
      "/api/v1/todos/2",
    ]);
    const queries: Array<Record<string, string>> = [
      { limit: "0" },
      { limit: "201" },
      { limit: "all" },
      { since: "1" },
    ];
    for (const query of queries) {
      const res = await call(readLog, "/api/sandbox/log", {}, { key, query });
      await expectProblem(res, "validation", Object.keys(query));
    }
  });

  it("keeps logging past 2^31 entries: the id is 64-bit", async () => {
    const db = await getDb();
    // Where a 32-bit id ends: the next entries would overflow it.
    await db.execute(
      sql`select setval('request_log_id_seq', greatest(2147483647, (select last_value from request_log_id_seq)))`,
    );
    const key = await newSandboxKey();
    await todo("GET", 1, { key });
    await todo("GET", 2, { key });
    const entries = await logOf(key);
    expect(entries.map((e) => e.path)).toEqual(["/api/v1/todos/2", "/api/v1/todos/1"]);
    for (const entry of entries) expect(entry.id).toBeGreaterThan(2 ** 31 - 1);
  });
});

describe("/api/progress/:slug", () => {
  it("refuses to mark a lesson with checks done by hand, and marks it not done again", async () => {
    const key = await newSandboxKey();
    expect(await (await progressOf("GET", "todo-api", { key })).json()).toEqual({
      slug: "todo-api",
      done: false,
    });
    const refused = await progressOf("PUT", "todo-api", { key });
    const problem = await expectProblem(refused, "conflict");
    expect(problem.detail).toContain("/api/progress/todo-api/check");
    await markLessonDone({ sandboxId: await idOf(key), slug: "todo-api" });
    const cookie = { cookie: `${SANDBOX_COOKIE}=${key}` };
    expect(await (await progressOf("GET", "todo-api", { headers: cookie })).json()).toEqual({
      slug: "todo-api",
      done: true,
    });
    expect(await (await progressOf("GET", "http-and-rest", { key })).json()).toMatchObject({
      done: false,
    });
    for (let i = 0; i < 2; i++) {
      const res = await progressOf("DELETE", "todo-api", { key });
      expect(await res.json()).toEqual({ slug: "todo-api", done: false });
    }
    expect(await (await progressOf("GET", "todo-api", { key })).json()).toMatchObject({
      done: false,
    });
  });

  it("keeps progress per sandbox", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    await markLessonDone({ sandboxId: await idOf(a), slug: "http-and-rest" });
    expect(await (await progressOf("GET", "http-and-rest", { key: a })).json()).toMatchObject({
      done: true,
    });
    const ofB = await progressOf("GET", "http-and-rest", { key: b });
    expect(await ofB.json()).toEqual({ slug: "http-and-rest", done: false });
  });

  it("answers not done, without creating a sandbox, when there is none", async () => {
    const res = await progressOf("GET", "todo-api", {
      headers: { "x-forwarded-for": randomAddress() },
    });
    expect(await res.json()).toEqual({ slug: "todo-api", done: false });
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("x-sandbox-key")).toBeNull();
  });

  it("answers 404 for a lesson that does not exist, 422 for an absurd slug", async () => {
    const key = await newSandboxKey();
    for (const method of ["GET", "PUT", "DELETE"] as const) {
      const problem = await expectProblem(
        await progressOf(method, "no-such-lesson", { key }),
        "not-found",
      );
      expect(problem.detail).toContain("no-such-lesson");
    }
    await expectProblem(await progressOf("PUT", "x".repeat(101), { key }), "validation", ["slug"]);
    await expectProblem(
      await progressOf("PUT", "todo-api", { key: `sbx_${"D".repeat(43)}` }),
      "unauthorized",
    );
  });
});
