import { describe, expect, it } from "vitest";
import { PATCH_TYPES } from "@/lib/todo-api/contract";
import { expectProblem, newSandboxKey } from "../harness";
import { etagOf, listTodos, type TodoView, todo } from "./client";

const ACCEPT_PATCH = PATCH_TYPES.join(", ");
const MERGE_PATCH = { "content-type": "application/merge-patch+json" };

describe("PATCH is a JSON Merge Patch (RFC 7396)", () => {
  it("says so in Accept-Patch on GET, HEAD and OPTIONS of a todo", async () => {
    const key = await newSandboxKey();
    expect(ACCEPT_PATCH).toBe("application/merge-patch+json, application/json");
    for (const method of ["GET", "HEAD", "OPTIONS"] as const) {
      const res = await todo(method, 1, { key });
      expect(res.headers.get("accept-patch"), method).toBe(ACCEPT_PATCH);
    }
  });

  it.each(PATCH_TYPES)("takes a body labelled %s", async (type) => {
    const key = await newSandboxKey();
    const res = await todo("PATCH", 2, {
      key,
      body: { done: true },
      headers: { "content-type": `${type}; charset=utf-8` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 2, done: true });
  });

  it.each(["application/json-patch+json", "text/plain"])(
    "answers 415 with Accept-Patch for %s",
    async (type) => {
      const key = await newSandboxKey();
      const res = await todo("PATCH", 2, {
        key,
        body: { done: true },
        headers: { "content-type": type },
      });
      expect(res.headers.get("accept-patch")).toBe(ACCEPT_PATCH);
      await expectProblem(res, "unsupported-media-type");
    },
  );

  it.each(["title", "done"])(
    "answers 422 for %s: null, which would remove the field",
    async (field) => {
      const key = await newSandboxKey();
      const before = await etagOf(key, 2);
      const res = await todo("PATCH", 2, { key, body: { [field]: null }, headers: MERGE_PATCH });
      const problem = await expectProblem(res, "validation", [field]);
      expect(problem.errors?.[0]?.message).toContain("cannot be removed");
      expect(await etagOf(key, 2)).toBe(before);
    },
  );

  it.each([
    ["an array", [{ op: "replace", path: "/done", value: true }]],
    ["a string", "done"],
    ["a number", 1],
  ])("answers 422 for %s, which would replace the whole todo", async (_, body) => {
    const key = await newSandboxKey();
    const res = await todo("PATCH", 2, { key, body: JSON.stringify(body), headers: MERGE_PATCH });
    const problem = await expectProblem(res, "validation", ["(root)"]);
    expect(problem.errors?.[0]?.message).toContain("JSON object");
  });
});

describe("a write that changes nothing", () => {
  it("keeps the version, updatedAt and Last-Modified of a todo re-PUT as it is", async () => {
    const key = await newSandboxKey();
    const body = { title: "Renamed once", done: true };
    expect((await todo("PUT", 2, { key, body })).status).toBe(200);
    const first = await todo("GET", 2, { key });
    const again = await todo("PUT", 2, { key, body: { ...body, title: `  ${body.title} ` } });
    expect(again.status).toBe(200);
    const second = await todo("GET", 2, { key });
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("last-modified")).toBe(first.headers.get("last-modified"));
    const [a, b] = (await Promise.all([first.json(), second.json()])) as TodoView[];
    expect(b).toEqual(a);
  });

  it("keeps the ETag of a PATCH that sets what is already there, and the list's date", async () => {
    const key = await newSandboxKey();
    const before = await etagOf(key, 1);
    const listBefore = (await listTodos(key)).headers.get("etag");
    const res = await todo("PATCH", 1, { key, body: { done: true }, headers: MERGE_PATCH });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(before);
    expect((await listTodos(key)).headers.get("etag")).toBe(listBefore);
  });

  it("is still refused when its precondition fails", async () => {
    const key = await newSandboxKey();
    const res = await todo("PATCH", 1, {
      key,
      body: { done: true },
      headers: { "if-match": '"1-0"' },
    });
    await expectProblem(res, "precondition-failed");
  });
});
