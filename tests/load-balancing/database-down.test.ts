import net from "node:net";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as createSandbox } from "@/app/api/sandbox/route";
import { GET as listTodos } from "@/app/api/v1/(todo-api)/todos/route";
import { type Db, getDb, POSTGRES_OPTIONS } from "@/db";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/db/unavailable";
import { PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { call, expectProblem, newSandboxKey } from "../harness";
import { countVisit } from "./client";

/** A loopback port nobody listens on: connecting to it is refused, as to a stopped Postgres. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const globalForDb = globalThis as unknown as { bmjDb?: Promise<Db> };
let realDb: Promise<Db>;
let stopped: ReturnType<typeof postgres>;

/** The app's database client swapped for a real postgres.js client of a server that is down. */
async function databaseDown() {
  globalForDb.bmjDb = Promise.resolve(drizzle(stopped) as unknown as Db);
}
function databaseBack() {
  globalForDb.bmjDb = realDb;
}

beforeAll(async () => {
  realDb = getDb();
  await realDb;
  // The app's own client options: a query fails at once instead of waiting out a backoff.
  stopped = postgres(`postgres://postgres@127.0.0.1:${await closedPort()}/none`, POSTGRES_OPTIONS);
});

afterAll(async () => {
  databaseBack();
  await stopped?.end({ timeout: 0 });
});

async function expectUnavailable(res: Response) {
  const body = await expectProblem(res, "database-unavailable");
  expect(res.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
  expect(body.detail).toMatch(/try again in 5 s/i);
}

describe("the database unreachable", () => {
  it("is 503 problem+json with Retry-After on a lesson API, then 200 again by itself", async () => {
    const key = await newSandboxKey();
    expect((await call(listTodos, "/api/v1/todos", {}, { key })).status).toBe(200);
    await databaseDown();
    // Outside Next, the kit awaits the request log's write (Next's after() would not hold the
    // response): with the database away it retries for 10 s, then drops the entries. So both at once.
    const [list, visit] = await Promise.all([
      call(listTodos, "/api/v1/todos", {}, { key }),
      countVisit(key),
    ]);
    databaseBack();
    await expectUnavailable(list);
    await expectUnavailable(visit);
    expect((await call(listTodos, "/api/v1/todos", {}, { key })).status).toBe(200);
  }, 60_000);

  it("is 503 when identifying the caller needs the database, and on the portal's own APIs", async () => {
    await databaseDown();
    // A key this process has never looked up: identification asks the database first.
    const unknownKey = `sbx_${"a".repeat(43)}`;
    await expectUnavailable(await call(listTodos, "/api/v1/todos", {}, { key: unknownKey }));
    await expectUnavailable(await call(createSandbox, "/api/sandbox", {}, { method: "POST" }));
    databaseBack();
  });

  it("makes /api/health answer 503, saying which dependency is down and nothing else", async () => {
    await databaseDown();
    const res = await call(health, "/api/health", {});
    databaseBack();
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    expect(res.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 503, postgres: "down" });
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|refused|version|\bat /i);
    expect((await call(health, "/api/health", {})).status).toBe(200);
  });
});

describe("isDatabaseUnavailable", () => {
  it("knows the driver's connection errors and Postgres's shutdown codes, through causes", async () => {
    const refused = await stopped`select 1`.catch((error: unknown) => error);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    for (const code of ["57P01", "57P03", "08006", "CONNECTION_CLOSED", "ECONNRESET"])
      expect(isDatabaseUnavailable(Object.assign(new Error(code), { code }))).toBe(true);
    const wrapped = new Error("Failed query", {
      cause: Object.assign(new Error(), { code: "57P01" }),
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    // A wrong query is a bug (500), not an outage.
    for (const code of ["23505", "42P01", "22P02", undefined])
      expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code }))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
