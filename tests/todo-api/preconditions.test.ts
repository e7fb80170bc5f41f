import { describe, expect, it } from "vitest";
import { GET as showSandbox } from "@/app/api/sandbox/route";
import { getDb } from "@/db";
import { todo as todoTable } from "@/db/schema/todo-api";
import { MAX_TODOS } from "@/lib/todo-api/contract";
import { call, expectProblem, newSandboxKey } from "../harness";
import { createTodo, etagOf, listTodos, type TodoPage, type TodoView, todo } from "./client";

const WRITES = ["PUT", "PATCH", "DELETE"] as const;
const bodyFor = (method: string) =>
  method === "DELETE" ? undefined : { title: "Changed", done: true };

describe("If-Match", () => {
  it.each(WRITES)(
    "%s goes ahead with the current ETag, and answers 412 with no ETag otherwise",
    async (method) => {
      const key = await newSandboxKey();
      const body = bodyFor(method);
      const old = await etagOf(key, 1);
      await todo("PATCH", 1, { key, body: { done: false } });
      const current = await etagOf(key, 1);
      // Stale, weak (If-Match compares strongly), and another todo's tag.
      for (const stale of [old, `W/${current}`, await etagOf(key, 2)]) {
        const res = await todo(method, 1, { key, body, headers: { "if-match": stale } });
        // No tag to copy: a client must read the todo again, not retry blindly.
        expect(res.headers.get("etag"), stale).toBeNull();
        const problem = await expectProblem(res, "precondition-failed");
        expect(problem.detail).toMatch(/GET it again|weak/);
      }
      expect(await (await todo("GET", 1, { key })).json()).toMatchObject({ done: false });
      const ok = await todo(method, 1, { key, body, headers: { "if-match": `"9-0", ${current}` } });
      expect(ok.status).toBe(method === "DELETE" ? 204 : 200);
    },
  );

  it("explains that a weak tag never matches", async () => {
    const key = await newSandboxKey();
    const etag = await etagOf(key, 1);
    const res = await todo("PATCH", 1, {
      key,
      body: { done: false },
      headers: { "if-match": `W/${etag}` },
    });
    expect((await expectProblem(res, "precondition-failed")).detail).toContain("weak");
  });

  it("* matches any existing todo but not a missing one", async () => {
    const key = await newSandboxKey();
    const body = { done: false };
    const res = await todo("PATCH", 1, { key, body, headers: { "if-match": "*" } });
    expect(res.status).toBe(200);
    const missing = await todo("PATCH", 99, { key, body, headers: { "if-match": "*" } });
    await expectProblem(missing, "not-found");
  });

  it("lets a GET's ETag guard the next write, then refuses it once used", async () => {
    const key = await newSandboxKey();
    const etag = await etagOf(key, 3);
    const headers = { "if-match": etag };
    const first = await todo("PATCH", 3, { key, body: { done: true }, headers });
    expect(first.status).toBe(200);
    const again = await todo("PATCH", 3, { key, body: { done: false }, headers });
    await expectProblem(again, "precondition-failed");
  });
});

describe("If-None-Match and If-Unmodified-Since on writes", () => {
  it.each(WRITES)(
    "%s with If-None-Match: * on an existing todo is 412 (RFC 9110 §13.1.2)",
    async (method) => {
      const key = await newSandboxKey();
      const before = await etagOf(key, 1);
      const res = await todo(method, 1, {
        key,
        body: bodyFor(method),
        headers: { "if-none-match": "*" },
      });
      const problem = await expectProblem(res, "precondition-failed");
      expect(problem.detail).toContain("does not exist yet");
      expect(await etagOf(key, 1)).toBe(before);
    },
  );

  it("refuses a write whose If-None-Match names the current ETag, and allows one that does not", async () => {
    const key = await newSandboxKey();
    const etag = await etagOf(key, 1);
    const body = { title: "Changed", done: true };
    const same = await todo("PUT", 1, { key, body, headers: { "if-none-match": etag } });
    await expectProblem(same, "precondition-failed");
    const other = await todo("PUT", 1, { key, body, headers: { "if-none-match": '"1-0"' } });
    expect(other.status).toBe(200);
  });

  it("refuses a write to a todo modified after If-Unmodified-Since", async () => {
    const key = await newSandboxKey();
    const lastModified = (await todo("GET", 2, { key })).headers.get("last-modified") ?? "";
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    const body = { done: true };
    const stale = await todo("PATCH", 2, {
      key,
      body,
      headers: { "if-unmodified-since": earlier },
    });
    await expectProblem(stale, "precondition-failed");
    const ok = await todo("PATCH", 2, {
      key,
      body,
      headers: { "if-unmodified-since": lastModified },
    });
    expect(ok.status).toBe(200);
  });
});

describe("428 Precondition Required", () => {
  it("refuses to delete a todo that is not done without If-Match, and says how", async () => {
    const key = await newSandboxKey();
    const variants: Record<string, string>[] = [{}, { "if-none-match": '"2-0"' }];
    for (const headers of variants) {
      const res = await todo("DELETE", 2, { key, headers });
      expect(res.headers.get("etag")).toBeNull();
      const problem = await expectProblem(res, "precondition-required");
      expect(problem.detail).toContain("If-Match");
      expect(problem.detail).toContain("GET /api/v1/todos/2");
    }
    expect((await todo("GET", 2, { key })).status).toBe(200);
    const etag = await etagOf(key, 2);
    expect((await todo("DELETE", 2, { key, headers: { "if-match": etag } })).status).toBe(204);
  });

  it("lets a todo that is done go without If-Match", async () => {
    const key = await newSandboxKey();
    expect((await todo("DELETE", 1, { key })).status).toBe(204);
  });

  it("answers 404, not 428, for a todo that does not exist", async () => {
    const key = await newSandboxKey();
    await expectProblem(await todo("DELETE", 99, { key }), "not-found");
  });
});

describe("the lost update", () => {
  it("happens with two PUTs that send no If-Match, and is refused with 412 when they do", async () => {
    const key = await newSandboxKey();
    // A and B both read todo 3; B marks it done, then A renames it with the done it read.
    const read = (await (await todo("GET", 3, { key })).json()) as TodoView;
    const etag = await etagOf(key, 3);
    expect((await todo("PUT", 3, { key, body: { title: read.title, done: true } })).status).toBe(
      200,
    );
    const a = await todo("PUT", 3, { key, body: { title: "Renamed by A", done: read.done } });
    expect(a.status).toBe(200);
    expect(await (await todo("GET", 3, { key })).json()).toMatchObject({ done: false });

    // Again, with If-Match: B's write moves the version on, so A's is refused.
    const seen = await etagOf(key, 3);
    expect(seen).not.toBe(etag);
    const b = await todo("PATCH", 3, { key, body: { done: true }, headers: { "if-match": seen } });
    expect(b.status).toBe(200);
    const stale = await todo("PUT", 3, {
      key,
      body: { title: "Renamed again by A", done: false },
      headers: { "if-match": seen },
    });
    await expectProblem(stale, "precondition-failed");
    expect(await (await todo("GET", 3, { key })).json()).toMatchObject({ done: true });
  });
});

describe("409 Conflict", () => {
  it("refuses a todo beyond the most a sandbox holds, until one is deleted", async () => {
    const key = await newSandboxKey();
    const shown = await call(showSandbox, "/api/sandbox", {}, { key });
    const { id: sandboxId } = (await shown.json()) as { id: string };
    const db = await getDb();
    await db.insert(todoTable).values(
      Array.from({ length: MAX_TODOS - 3 }, (_, i) => ({
        sandboxId,
        id: 10_000 + i,
        title: `Filler ${i}`,
      })),
    );
    const full = await createTodo(key, { title: "One too many" });
    const problem = await expectProblem(full, "conflict");
    expect(problem.detail).toContain(String(MAX_TODOS));
    const page = (await (await listTodos(key, { limit: "1" })).json()) as TodoPage;
    expect(page.pagination.total).toBe(MAX_TODOS);
    // Todo 1 is done: it goes without If-Match, and then the same request succeeds.
    expect((await todo("DELETE", 1, { key })).status).toBe(204);
    expect((await createTodo(key, { title: "One too many" })).status).toBe(201);
  });
});
