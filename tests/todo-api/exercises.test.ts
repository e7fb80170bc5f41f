import { once } from "node:events";
import type { AddressInfo, Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "@/content/lessons/todo-api/exercises/express.mjs";
import { createTodoServer } from "@/content/lessons/todo-api/exercises/plain-node.mjs";
import { newSandboxKey } from "../harness";
import { todo, todos } from "./client";

/**
 * The lesson's two "build it yourself" programs, started on random ports, get the same requests
 * as our API, and must answer them status by status. Paths are the programs' (/todos…); for our
 * API they are sent to the route handlers of /api/v1/todos….
 */
type Send = (
  method: string,
  path: string,
  options?: { headers?: Record<string, string>; body?: unknown; query?: Record<string, string> },
) => Promise<Response>;

function overHttp(server: Server): Send {
  const { port } = server.address() as AddressInfo;
  return (method, path, { headers = {}, body, query } = {}) => {
    const url = new URL(path, `http://127.0.0.1:${port}`);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const hasBody = body !== undefined;
    return fetch(url, {
      method,
      headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...headers },
      body: hasBody ? (typeof body === "string" ? body : JSON.stringify(body)) : undefined,
    });
  };
}

function ourApi(key: string): Send {
  return (method, path, { headers, body, query } = {}) => {
    const id = /^\/todos\/(\d+)$/.exec(path)?.[1];
    const options = { key, headers, body, query };
    type Method = Parameters<typeof todos>[0];
    return id ? todo(method as Method, id, options) : todos(method as Method, options);
  };
}

type Step = { status: number; headers: Record<string, string | null>; hasBody: boolean };

/** The lesson's requests, in order; each answer reduced to what must match across servers. */
async function conversation(send: Send): Promise<Record<string, Step>> {
  const steps: Record<string, Step> = {};
  const record = async (name: string, res: Promise<Response>) => {
    const r = await res;
    const text = await r.text();
    const pick = ["allow", "cache-control"] as const;
    steps[name] = {
      status: r.status,
      headers: Object.fromEntries(pick.map((h) => [h, r.headers.get(h)])),
      hasBody: text !== "",
    };
    return r;
  };
  await record("list", send("GET", "/todos"));
  const created = await record("create", send("POST", "/todos", { body: { title: "Mine" } }));
  const location = created.headers.get("location") ?? "";
  expect(location, "Location").toMatch(/\/todos\/\d+$/);
  expect(created.headers.get("etag"), "ETag on 201").toMatch(/^"\d+-\d+"$/);
  const path = `/todos/${location.split("/").pop()}`;
  const read = await record("read one", send("GET", path));
  const etag = read.headers.get("etag") ?? "";
  expect(etag, "ETag on 200").toMatch(/^"\d+-\d+"$/);
  await record("HEAD", send("HEAD", path));
  await record("revalidate", send("GET", path, { headers: { "if-none-match": etag } }));
  const put = await record(
    "PUT",
    send("PUT", path, { body: { title: "Mine, renamed", done: false } }),
  );
  expect(put.headers.get("etag"), "no ETag on PUT").toBeNull();
  await record("PUT missing a field", send("PUT", path, { body: { done: true } }));
  const mergePatch = { "content-type": "application/merge-patch+json" };
  const patched = await record(
    "PATCH",
    send("PATCH", path, { headers: mergePatch, body: { done: true } }),
  );
  expect(patched.headers.get("etag"), "ETag on PATCH").toMatch(/^"\d+-\d+"$/);
  await record(
    "PATCH with a stale If-Match",
    send("PATCH", path, { headers: { "if-match": etag }, body: { done: false } }),
  );
  await record(
    "text/plain",
    send("POST", "/todos", { headers: { "content-type": "text/plain" }, body: "Mine" }),
  );
  await record("malformed JSON", send("POST", "/todos", { body: '{"title": "x",' }));
  await record("empty title", send("POST", "/todos", { body: { title: "" } }));
  await record("limit=500", send("GET", "/todos", { query: { limit: "500" } }));
  await record("POST to a todo", send("POST", path, { body: { title: "x" } }));
  await record("DELETE the collection", send("DELETE", "/todos"));
  await record("OPTIONS", send("OPTIONS", path));
  const current = (await send("GET", path)).headers.get("etag") ?? "";
  await record("DELETE", send("DELETE", path, { headers: { "if-match": current } }));
  await record("read it again", send("GET", path));
  await record("DELETE it again", send("DELETE", path));
  return steps;
}

const servers: Record<string, Server> = {};

beforeAll(async () => {
  servers.express = createApp().listen(0);
  servers["plain Node"] = createTodoServer().listen(0);
  await Promise.all(Object.values(servers).map((server) => once(server, "listening")));
});

afterAll(async () => {
  await Promise.all(
    Object.values(servers).map((server) => new Promise((done) => server.close(done))),
  );
});

describe("the lesson's Express and plain Node programs", () => {
  it.each(["express", "plain Node"])("answer like our API, status by status: %s", async (name) => {
    const ours = await conversation(ourApi(await newSandboxKey()));
    const theirs = await conversation(overHttp(servers[name] as Server));
    expect(Object.values(ours).map((s) => s.status)).toEqual([
      200, 201, 200, 200, 304, 200, 422, 200, 412, 415, 400, 422, 422, 405, 405, 204, 204, 404, 404,
    ]);
    for (const [step, expected] of Object.entries(ours)) {
      const actual = theirs[step];
      expect(actual?.status, `${name}: ${step}`).toBe(expected.status);
      expect(actual?.headers.allow, `${name}: ${step}: Allow`).toBe(expected.headers.allow);
      expect(actual?.hasBody, `${name}: ${step}: body`).toBe(expected.hasBody);
    }
    expect(theirs["read one"]?.headers["cache-control"]).toBe("private, no-cache");
  });
});
