import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as reset from "@/app/api/sandbox/reset/route";
import { GET as showSandbox } from "@/app/api/sandbox/route";
import { getDb } from "@/db";
import { todoCollection } from "@/db/schema/todo-api";
import { call, expectProblem, newSandboxKey } from "../harness";
import { etagOf, listTodos, type TodoView, todo, todos } from "./client";

/** Last-Modified for a timestamp: an HTTP-date, whole seconds. */
const httpDateOf = (iso: string) =>
  new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toUTCString();
const secondsBefore = (date: string, s: number) =>
  new Date(Date.parse(date) - s * 1000).toUTCString();

describe("what a GET says about caching", () => {
  it("lets only the browser keep a todo or a list, revalidating before every use", async () => {
    const key = await newSandboxKey();
    const one = await todo("GET", 1, { key });
    const list = await listTodos(key);
    for (const res of [one, list, await todo("HEAD", 1, { key }), await todos("HEAD", { key })]) {
      expect(res.headers.get("cache-control")).toBe("private, no-cache");
      expect(res.headers.get("vary")).toBe("X-Sandbox-Key, Cookie");
      expect(res.headers.get("etag")).toMatch(/^"[\w-]+"$/);
      expect(res.headers.get("last-modified")).toMatch(/^\w{3}, \d{2} \w{3} \d{4} [\d:]{8} GMT$/);
    }
    const body = (await one.json()) as TodoView;
    expect(one.headers.get("last-modified")).toBe(httpDateOf(body.updatedAt));
    // Errors and writes stay out of every cache.
    expect((await todo("GET", 99, { key })).headers.get("cache-control")).toBe("no-store");
    const patched = await todo("PATCH", 2, { key, body: { done: true } });
    expect(patched.headers.get("cache-control")).toBe("no-store");
  });

  it("sends a 304 only what a cache needs to refresh its copy", async () => {
    const key = await newSandboxKey();
    const list = await listTodos(key);
    const etag = list.headers.get("etag") ?? "";
    const res = await listTodos(key, {}, { "if-none-match": etag });
    expect(res.status).toBe(304);
    expect(res.headers.get("etag")).toBe(etag);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(res.headers.get("vary")).toBe("X-Sandbox-Key, Cookie");
    for (const name of ["content-type", "link", "last-modified", "accept-patch"]) {
      expect(res.headers.get(name), name).toBeNull();
    }
  });
});

describe("If-Modified-Since", () => {
  it("answers 304 when the todo has not changed since the date, 200 otherwise", async () => {
    const key = await newSandboxKey();
    const lastModified = (await todo("GET", 1, { key })).headers.get("last-modified") ?? "";
    const ims = (date: string) => todo("GET", 1, { key, headers: { "if-modified-since": date } });
    expect((await ims(lastModified)).status).toBe(304);
    expect((await ims(secondsBefore(lastModified, -60))).status).toBe(304);
    expect((await ims(secondsBefore(lastModified, 1))).status).toBe(200);
    // The two obsolete HTTP-date formats are still dates (RFC 9110 §5.6.7).
    const d = new Date(Date.parse(lastModified) + 60_000);
    const [dd, mon, yyyy, time] = d.toUTCString().slice(5, -4).split(" ");
    const weekday = d.toLocaleDateString("en-US", { weekday: "long", timeZone: "UTC" });
    expect((await ims(`${weekday}, ${dd}-${mon}-${yyyy?.slice(2)} ${time} GMT`)).status).toBe(304);
    const day = String(d.getUTCDate()).padStart(2, " ");
    expect((await ims(`${weekday.slice(0, 3)} ${mon} ${day} ${time} ${yyyy}`)).status).toBe(304);
    // Not a date: ignored, as RFC 9110 §13.1.3 says.
    expect((await ims("yesterday")).status).toBe(200);
  });

  it("gives way to If-None-Match, which wins when both are sent (RFC 9110 §13.2.2)", async () => {
    const key = await newSandboxKey();
    const first = await todo("GET", 1, { key });
    const etag = first.headers.get("etag") ?? "";
    const lastModified = first.headers.get("last-modified") ?? "";
    const stale = await todo("GET", 1, {
      key,
      headers: { "if-none-match": '"1-0"', "if-modified-since": lastModified },
    });
    expect(stale.status).toBe(200);
    const current = await todo("GET", 1, {
      key,
      headers: { "if-none-match": etag, "if-modified-since": "Sat, 01 Jan 2000 00:00:00 GMT" },
    });
    expect(current.status).toBe(304);
  });

  it("dates the list by the last change to any todo, deletes included", async () => {
    const key = await newSandboxKey();
    const shown = await call(showSandbox, "/api/sandbox", {}, { key });
    const { id: sandboxId } = (await shown.json()) as { id: string };
    const db = await getDb();
    await db
      .update(todoCollection)
      .set({ modifiedAt: new Date("2000-01-01T00:00:00Z") })
      .where(sql`${todoCollection.sandboxId} = ${sandboxId}`);
    const since = { "if-modified-since": "Sat, 01 Jan 2000 00:00:00 GMT" };
    const before = await listTodos(key);
    expect(before.headers.get("last-modified")).toBe("Sat, 01 Jan 2000 00:00:00 GMT");
    expect((await listTodos(key, {}, since)).status).toBe(304);
    // Todo 1 is done, so it may go without If-Match; nothing else of the page changes its dates.
    expect((await todo("DELETE", 1, { key })).status).toBe(204);
    const after = await listTodos(key, {}, since);
    expect(after.status).toBe(200);
    expect(Date.parse(after.headers.get("last-modified") ?? "")).toBeGreaterThan(
      Date.parse("2000-01-01T00:00:00Z"),
    );
  });
});

describe("validators across a reset", () => {
  it("never match again after the sandbox is reset", async () => {
    const key = await newSandboxKey();
    const oldTodo = await etagOf(key, 1);
    const oldList = (await listTodos(key)).headers.get("etag") ?? "";
    const res = await call(reset.POST, "/api/sandbox/reset", {}, { method: "POST", key });
    expect(res.status).toBe(200);
    const again = await todo("GET", 1, { key, headers: { "if-none-match": oldTodo } });
    expect(again.status).toBe(200);
    expect(again.headers.get("etag")).not.toBe(oldTodo);
    const list = await listTodos(key, {}, { "if-none-match": oldList });
    expect(list.status).toBe(200);
    const write = await todo("PATCH", 1, {
      key,
      body: { title: "Stale" },
      headers: { "if-match": oldTodo },
    });
    await expectProblem(write, "precondition-failed");
  });

  it("differ between sandboxes, even for the same todo in the same state", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const tagA = await etagOf(a, 2);
    expect(await etagOf(b, 2)).not.toBe(tagA);
    const res = await todo("GET", 2, { key: b, headers: { "if-none-match": tagA } });
    expect(res.status).toBe(200);
  });
});

describe("malformed and unusual conditions", () => {
  it.each(["If-Match", "If-None-Match"])("answers 400 for an unquoted tag in %s", async (name) => {
    const key = await newSandboxKey();
    const etag = await etagOf(key, 1);
    const problem = await expectProblem(
      await todo("GET", 1, { key, headers: { [name]: etag.slice(1, -1) } }),
      "malformed-request",
    );
    expect(problem.detail).toContain("quotes included");
  });

  it("honours If-Match on a GET: 412 unless it names the current version", async () => {
    const key = await newSandboxKey();
    const etag = await etagOf(key, 1);
    expect((await todo("GET", 1, { key, headers: { "if-match": etag } })).status).toBe(200);
    await expectProblem(
      await todo("GET", 1, { key, headers: { "if-match": '"1-0"' } }),
      "precondition-failed",
    );
  });
});
