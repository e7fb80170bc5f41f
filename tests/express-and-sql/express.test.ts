import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/(express-and-sql)/injection/posts/route";
import { getDb } from "@/db";
import { createExpressApp, type Query } from "@/lib/express-and-sql/express-app";
import { call, newSandboxKey } from "../harness";
import { SEARCH_PATH, searched } from "./client";

/**
 * The Express version of the parameterised search, started on an ephemeral port against the test
 * database (PGlite, or Postgres with DATABASE_URL), answers as our Next route handler does.
 */

/** The app's one database client's driver, as the Express app's `query`: text and $1 values. */
async function driverQuery(): Promise<Query> {
  const client = ((await getDb()) as unknown as { $client: unknown }).$client as {
    unsafe?: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
    query?: (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  };
  const { unsafe, query } = client;
  // postgres.js: sql.unsafe(text, params); PGlite: db.query(text, params).rows.
  if (unsafe) return (text, params) => unsafe.call(client, text, params);
  if (query) return async (text, params) => (await query.call(client, text, params)).rows;
  throw new Error("unknown driver");
}

let base = "";
let close = () => {};

beforeAll(async () => {
  const app = createExpressApp({ query: await driverQuery() });
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const express = (path: string, key?: string) =>
  fetch(`${base}${path}`, { headers: key ? { "x-sandbox-key": key } : {} });

describe("the Express version of the search", () => {
  it("answers what our route handler answers in parameterised mode, for every input", async () => {
    const key = await newSandboxKey();
    const titles = [
      "postgres",
      "s",
      "' or 1=1 --",
      "'; delete from posts; --",
      "%",
      "_",
      "TESTING",
      "Choosing",
    ];
    for (const title of titles) {
      const res = await express(`/api/v1/injection/posts?title=${encodeURIComponent(title)}`, key);
      expect(res.status, title).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const ours = await searched(key, title, "parameterised");
      expect(await res.json(), title).toEqual({ posts: ours.posts });
    }
    const found = await express("/api/v1/injection/posts?title=postgres", key);
    expect(((await found.json()) as { posts: unknown[] }).posts).toHaveLength(2);
  });

  it("sees only the caller's sandbox", async () => {
    const mine = await newSandboxKey();
    const theirs = await newSandboxKey();
    await searched(theirs, "postgres", "parameterised");
    const res = await express("/api/v1/injection/posts?title=s", mine);
    const posts = ((await res.json()) as { posts: { id: number }[] }).posts;
    expect(posts.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses what our route handler refuses, as problem+json", async () => {
    const key = await newSandboxKey();
    // A NUL: Postgres text cannot hold one (22021), so both refuse it before any SQL.
    for (const query of ["", "?title=", `?title=${"x".repeat(201)}`, "?title=a%00b"]) {
      const res = await express(`/api/v1/injection/posts${query}`, key);
      expect(res.status, query).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      // type about:blank: the title is the status phrase (RFC 9457 §4.2.1).
      expect(await res.json(), query).toMatchObject({
        type: "about:blank",
        title: "Unprocessable Content",
        status: 422,
      });
      expect((await call(GET, `${SEARCH_PATH}${query}`, {}, { key })).status, query).toBe(422);
    }
    // Length in code points, as zod counts them: 200 emoji (400 UTF-16 units) pass both, 201
    // are refused by both (Express's title.length alone would refuse 101).
    const lengths: [count: number, status: number][] = [
      [200, 200],
      [201, 422],
    ];
    for (const [count, status] of lengths) {
      const emoji = `?title=${encodeURIComponent("\u{1F600}".repeat(count))}`;
      expect((await express(`/api/v1/injection/posts${emoji}`, key)).status, `${count}`).toBe(
        status,
      );
      expect((await call(GET, `${SEARCH_PATH}${emoji}`, {}, { key })).status, `${count}`).toBe(
        status,
      );
    }
    // A repeated name: Express hands the handler an array, which it refuses; our kit keeps the
    // last value (lib/http/validate.ts), as URLSearchParams-based frameworks do.
    expect((await express(`${SEARCH_PATH}?title=a&title=b`, key)).status).toBe(422);
    const last = await call(GET, `${SEARCH_PATH}?title=nothing&title=postgres`, {}, { key });
    expect(((await last.json()) as { posts: unknown[] }).posts).toHaveLength(2);
    const anonymous = await express("/api/v1/injection/posts?title=x");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ status: 401, title: "Unauthorized" });
    // A 401 MUST say how to authenticate (RFC 9110 §15.5.2).
    expect(anonymous.headers.get("www-authenticate")).toBe('SandboxKey header="X-Sandbox-Key"');
    const unknown = await express("/api/v1/injection/posts?title=x", "sbx_nobody");
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toBe('SandboxKey header="X-Sandbox-Key"');
    expect(anonymous.headers.get("x-powered-by")).toBeNull();
  });
});
