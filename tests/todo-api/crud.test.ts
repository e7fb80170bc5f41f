import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/validate";
import { MAX_TITLE_LENGTH } from "@/lib/todo-api/contract";
import { expectPipelineHeaders, expectProblem, newSandboxKey } from "../harness";
import { createTodo as create, etagOf, listTodos, todo as one } from "./client";

describe("GET /api/v1/todos/:id", () => {
  it("answers the todo with an ETag naming its id and version", async () => {
    const key = await newSandboxKey();
    const res = await one("GET", 1, { key });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^"1-\d+"$/);
    expectPipelineHeaders(res);
    expect(await res.json()).toEqual({
      id: 1,
      title: "Read the HTTP and REST lesson",
      done: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it("answers 404 for an id the sandbox does not have", async () => {
    const key = await newSandboxKey();
    const problem = await expectProblem(await one("GET", 99, { key }), "not-found");
    expect(problem.instance).toBe("/api/v1/todos/99");
  });

  it.each(["abc", "0", "-1", "1.5", "2147483648"])("answers 422 for id %s", async (id) => {
    const key = await newSandboxKey();
    const problem = await expectProblem(await one("GET", id, { key }), "validation", ["id"]);
    expect(problem.errors?.[0]?.in).toBe("path");
  });

  it("answers 304 with no body while If-None-Match names the current ETag", async () => {
    const key = await newSandboxKey();
    const etag = await etagOf(key, 1);
    for (const tag of [etag, `W/${etag}`, `"9-9", ${etag}`, "*"]) {
      const res = await one("GET", 1, { key, headers: { "if-none-match": tag } });
      expect(res.status, tag).toBe(304);
      expect(await res.text()).toBe("");
      expect(res.headers.get("etag")).toBe(etag);
    }
    const stale = await one("GET", 1, { key, headers: { "if-none-match": '"1-0"' } });
    expect(stale.status).toBe(200);
  });

  it("answers HEAD with the headers and no body", async () => {
    const key = await newSandboxKey();
    const res = await one("HEAD", 2, { key });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(await etagOf(key, 2));
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.text()).toBe("");
    const missing = await one("HEAD", 99, { key });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("");
  });
});

describe("POST /api/v1/todos", () => {
  it("creates todo 4 with 201, Location, ETag and the trimmed title", async () => {
    const key = await newSandboxKey();
    const res = await create(key, { title: "  Learn ETags  " });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/api/v1/todos/4");
    expect(res.headers.get("etag")).toMatch(/^"4-\d+"$/);
    expect(res.headers.get("last-modified")).toMatch(/ GMT$/);
    expectPipelineHeaders(res);
    const body = await res.json();
    expect(body).toEqual({
      id: 4,
      title: "Learn ETags",
      done: false,
      createdAt: expect.any(String),
      updatedAt: body.createdAt,
    });
    expect(await (await one("GET", 4, { key })).json()).toEqual(body);
    expect(await etagOf(key, 4)).toBe(res.headers.get("etag"));
    const done = await create(key, { title: "Already done", done: true });
    expect(await done.json()).toMatchObject({ id: 5, done: true });
  });

  it("accepts a title of the maximum length", async () => {
    const key = await newSandboxKey();
    const res = await create(key, { title: "x".repeat(MAX_TITLE_LENGTH) });
    expect(res.status).toBe(201);
  });

  it.each([
    ["an empty title", { title: "" }, ["title"]],
    ["a blank title", { title: "   " }, ["title"]],
    ["a 201-character title", { title: "x".repeat(MAX_TITLE_LENGTH + 1) }, ["title"]],
    ["a number title", { title: 42 }, ["title"]],
    ["a null title", { title: null }, ["title"]],
    ["no title", { done: true }, ["title"]],
    ["a string done", { title: "ok", done: "true" }, ["done"]],
    ["an unknown field", { title: "ok", priority: "high" }, ["priority"]],
    ["a JSON array", [{ title: "ok" }], ["(root)"]],
    ["a JSON string", '"ok"', ["(root)"]],
  ])("answers 422 for %s, naming the field", async (_, body, fields) => {
    const key = await newSandboxKey();
    const problem = await expectProblem(await create(key, body), "validation", fields);
    expect(problem.errors?.every((e) => e.in === "body")).toBe(true);
    const list = await (await listTodos(key)).json();
    expect(list.pagination.total).toBe(3);
  });

  it.each([
    ["no Content-Type", new TextEncoder().encode('{"title":"x"}'), {}],
    ["text/plain", '{"title":"x"}', { "content-type": "text/plain" }],
    ["a form", "title=x", { "content-type": "application/x-www-form-urlencoded" }],
  ])("answers 415 for a body with %s", async (_, body, headers) => {
    const key = await newSandboxKey();
    const res = await create(key, body, { headers });
    expect(res.headers.get("accept-post")).toBe("application/json");
    await expectProblem(res, "unsupported-media-type");
  });

  it.each([
    ["malformed JSON", '{"title": "x",'],
    ["an empty body", ""],
    ["a blank body", "  \n"],
  ])("answers 400 for %s", async (_, body) => {
    const key = await newSandboxKey();
    await expectProblem(await create(key, body), "malformed-request");
  });

  it("answers 400 for a JSON request with no body at all", async () => {
    const key = await newSandboxKey();
    const res = await create(key, undefined, { headers: { "content-type": "application/json" } });
    await expectProblem(res, "malformed-request");
  });

  it("answers 413 for a body over 16 KiB, streamed or declared", async () => {
    const key = await newSandboxKey();
    const big = JSON.stringify({ title: "x".repeat(MAX_BODY_BYTES) });
    await expectProblem(await create(key, big), "content-too-large");
    const declared = await create(key, '{"title":"x"}', {
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
    });
    await expectProblem(declared, "content-too-large");
    // Just under the limit the body is read, and the title is what is wrong.
    const under = JSON.stringify({ title: "x".repeat(MAX_BODY_BYTES - 20) });
    await expectProblem(await create(key, under), "validation", ["title"]);
  });

  it("answers 422, not 500, for a title holding a NUL character", async () => {
    const key = await newSandboxKey();
    await expectProblem(await create(key, { title: "a\u0000b" }), "validation", ["title"]);
  });
});

describe("PUT /api/v1/todos/:id", () => {
  it("replaces the todo and gives it a new version, but sends no validator (RFC 9110 §9.3.4)", async () => {
    const key = await newSandboxKey();
    const before = await etagOf(key, 2);
    const res = await one("PUT", 2, { key, body: { title: " Sent it ", done: true } });
    expect(res.status).toBe(200);
    // What is stored is not what was sent (trimmed, with id and timestamps): no ETag, no Last-Modified.
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("last-modified")).toBeNull();
    expect(res.headers.get("content-location")).toBe("/api/v1/todos/2");
    const body = await res.json();
    expect(body).toMatchObject({ id: 2, title: "Sent it", done: true });
    expect(await (await one("GET", 2, { key })).json()).toEqual(body);
    expect(await etagOf(key, 2)).not.toBe(before);
  });

  it.each([
    [{ title: "only a title" }, ["done"]],
    [{ done: true }, ["title"]],
    [{}, ["done", "title"]],
    [{ title: "x", done: false, id: 7 }, ["id"]],
  ])("answers 422 naming what is missing or extra in %j", async (body, fields) => {
    const key = await newSandboxKey();
    const before = await etagOf(key, 1);
    await expectProblem(await one("PUT", 1, { key, body }), "validation", fields);
    expect(await etagOf(key, 1)).toBe(before);
  });

  it("answers 404 for a missing todo", async () => {
    const key = await newSandboxKey();
    await expectProblem(
      await one("PUT", 99, { key, body: { title: "x", done: true } }),
      "not-found",
    );
  });
});

describe("PATCH /api/v1/todos/:id", () => {
  it("changes only the fields sent, with a new ETag each time", async () => {
    const key = await newSandboxKey();
    const before = await etagOf(key, 3);
    const res = await one("PATCH", 3, { key, body: { done: true } });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^"3-\d+"$/);
    expect(res.headers.get("etag")).not.toBe(before);
    expect(res.headers.get("content-location")).toBe("/api/v1/todos/3");
    expect(await res.json()).toMatchObject({
      id: 3,
      title: "Build a Todo API with CRUD",
      done: true,
    });
    const renamed = await one("PATCH", 3, { key, body: { title: "Built it" } });
    expect(await renamed.json()).toMatchObject({ id: 3, title: "Built it", done: true });
    expect(renamed.headers.get("etag")).not.toBe(res.headers.get("etag"));
    expect(await etagOf(key, 3)).toBe(renamed.headers.get("etag"));
  });

  it("accepts application/merge-patch+json", async () => {
    const key = await newSandboxKey();
    const res = await one("PATCH", 2, {
      key,
      body: { done: true },
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 2, done: true });
  });

  it("answers 422 for an empty object or a bad field", async () => {
    const key = await newSandboxKey();
    const before = await etagOf(key, 1);
    const empty = await expectProblem(await one("PATCH", 1, { key, body: {} }), "validation");
    expect(empty.errors).toEqual([
      { in: "body", field: "(root)", message: expect.stringContaining("title, done") },
    ]);
    await expectProblem(await one("PATCH", 1, { key, body: { title: "\u0000" } }), "validation", [
      "title",
    ]);
    await expectProblem(await one("PATCH", 1, { key, body: { title: "" } }), "validation", [
      "title",
    ]);
    await expectProblem(
      await one("PATCH", 1, { key, body: { done: true, owner: "me" } }),
      "validation",
      ["owner"],
    );
    expect(await etagOf(key, 1)).toBe(before);
  });
});

describe("DELETE /api/v1/todos/:id", () => {
  it("answers 204, then the todo is gone", async () => {
    const key = await newSandboxKey();
    // Todo 1 is done, so it needs no If-Match (see concurrency.test.ts for the 428).
    const res = await one("DELETE", 1, { key });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expectPipelineHeaders(res);
    await expectProblem(await one("GET", 1, { key }), "not-found");
    await expectProblem(await one("DELETE", 1, { key }), "not-found");
    await expectProblem(await one("PATCH", 1, { key, body: { done: true } }), "not-found");
    // Ids are never reused.
    expect(await (await create(key, { title: "After the delete" })).json()).toMatchObject({
      id: 4,
    });
  });
});
