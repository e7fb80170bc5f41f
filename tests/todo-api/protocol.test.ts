import { describe, expect, it } from "vitest";
import { expectPipelineHeaders, expectProblem, newSandboxKey } from "../harness";
import { createTodo as create, etagOf, listTodos, todo as one, todos } from "./client";

describe("methods and pipeline", () => {
  it("answers OPTIONS with 204 and Allow", async () => {
    const key = await newSandboxKey();
    const coll = await todos("OPTIONS", { key });
    expect(coll.status).toBe(204);
    expect(coll.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    const item = await one("OPTIONS", 1, { key });
    expect(item.status).toBe(204);
    expect(item.headers.get("allow")).toBe("GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
    expect(item.headers.get("accept-patch")).toBe("application/merge-patch+json, application/json");
    expect(await item.text()).toBe("");
  });

  it("answers a method the URL does not support with 405 and Allow", async () => {
    const key = await newSandboxKey();
    const post = await one("POST", 1, { key, body: { title: "x" } });
    expect(post.headers.get("allow")).toBe("GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
    await expectProblem(post, "method-not-allowed");
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const res = await todos(method, { key, body: { title: "x", done: true } });
      expect(res.headers.get("allow"), method).toBe("GET, HEAD, POST, OPTIONS");
      const problem = await expectProblem(res, "method-not-allowed");
      expect(problem.detail).toContain(method);
    }
  });

  it("gives every response a request id and Server-Timing, and keeps a sane given id", async () => {
    const key = await newSandboxKey();
    const etag = await etagOf(key, 1);
    const responses = [
      await listTodos(key),
      await one("GET", 1, { key, headers: { "if-none-match": etag } }),
      await create(key, { title: "Timed" }),
      await one("PATCH", 4, { key, body: { done: true }, headers: { "if-match": '"4-0"' } }),
      await one("DELETE", 4, { key }),
      await one("DELETE", 4, { key, headers: { "if-match": await etagOf(key, 4) } }),
      await one("GET", 4, { key }),
      await one("GET", "abc", { key }),
      await create(key, "nope", { headers: { "content-type": "text/plain" } }),
      await todos("PUT", { key }),
      await todos("OPTIONS", { key }),
      await todos("HEAD", { key }),
      await listTodos("sbx_unknown"),
    ];
    expect(responses.map((r) => r.status)).toEqual([
      200, 304, 201, 412, 428, 204, 404, 422, 415, 405, 204, 200, 401,
    ]);
    // Answers to a GET (or HEAD) of todos may be kept by the browser; nothing else may be kept.
    const cacheable = [0, 1, 11];
    responses.forEach((res, i) => {
      expectPipelineHeaders(res);
      const expected = cacheable.includes(i) ? "private, no-cache" : "no-store";
      expect(res.headers.get("cache-control"), String(i)).toBe(expected);
    });
    const ids = new Set(responses.map((r) => r.headers.get("x-request-id")));
    expect(ids.size).toBe(responses.length);
    const traced = await listTodos(key, {}, { "x-request-id": "trace-42.a:b" });
    expect(traced.headers.get("x-request-id")).toBe("trace-42.a:b");
    // Refused, a fresh id instead (a random hex id could contain "bad" by chance: test the shape).
    const injected = await listTodos(key, {}, { "x-request-id": "bad id; with spaces" });
    const fresh = injected.headers.get("x-request-id") ?? "";
    expect(fresh).not.toBe("bad id; with spaces");
    expect(fresh).toMatch(/^[\w.:-]+$/);
  });

  it("names the steps of a request in Server-Timing", async () => {
    const key = await newSandboxKey();
    const timing = (await listTodos(key)).headers.get("server-timing") ?? "";
    expect(timing.split(", ").map((entry) => entry.split(";")[0])).toEqual([
      "sandbox",
      "ratelimit",
      "validate",
      "db",
      "instance",
      "total",
    ]);
    expect(timing).toMatch(/^sandbox;dur=[\d.]+;desc="[^"]+", ratelimit;dur=/);
  });
});
