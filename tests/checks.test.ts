import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { GET as progressRoute } from "@/app/api/progress/[slug]/route";
import { GET as delayRoute } from "@/app/api/v1/(http-and-rest)/http/delay/[ms]/route";
import * as echo from "@/app/api/v1/(http-and-rest)/http/echo/route";
import { GET as statusRoute } from "@/app/api/v1/(http-and-rest)/http/status/[code]/route";
import { findLesson } from "@/content/lessons";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "./contract";
import { call, expectProblem, newSandboxKey } from "./harness";
import { createTodo, listTodos, todo } from "./todo-api/client";

async function check(slug: string, key: string) {
  const res = await call(
    checkRoute,
    `/api/progress/${slug}/check`,
    { slug },
    { method: "POST", key },
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return expectConforms(checkWork, res);
}

async function isDone(slug: string, key: string): Promise<boolean> {
  const res = await call(progressRoute, `/api/progress/${slug}`, { slug }, { key });
  return ((await res.json()) as { done: boolean }).done;
}

/** The Todo lesson's work, done the way a learner would. */
async function doTheTodoLesson(key: string) {
  const created = await createTodo(key, { title: "Write the checks" });
  const { id } = (await created.json()) as { id: number };
  await listTodos(key, { limit: "2" });
  await createTodo(key, { title: "" });
  const etag = (await todo("GET", id, { key })).headers.get("etag") ?? "";
  await todo("GET", id, { key, headers: { "if-none-match": etag } });
  await todo("PATCH", id, { key, body: { done: true }, headers: { "if-match": etag } });
  await todo("PATCH", id, { key, body: { done: false }, headers: { "if-match": etag } });
  await todo("PATCH", id, { key, body: { done: true } });
}

describe("POST /api/progress/:slug/check", () => {
  it("fails every check of a fresh sandbox, with a hint each, and leaves the lesson not done", async () => {
    const key = await newSandboxKey();
    const report = await check("todo-api", key);
    expect(report.passed).toBe(false);
    expect(report.checks.length).toBe(findLesson("todo-api")?.checks.length);
    for (const result of report.checks) {
      expect(result, result.id).toMatchObject({ passed: false, hint: expect.any(String) });
    }
    expect(await isDone("todo-api", key)).toBe(false);
  });

  it("passes the Todo lesson's checks once the work is done, and marks the lesson done", async () => {
    const key = await newSandboxKey();
    await doTheTodoLesson(key);
    const report = await check("todo-api", key);
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report).toMatchObject({ slug: "todo-api", passed: true });
    for (const result of report.checks) expect(result).not.toHaveProperty("hint");
    expect(await isDone("todo-api", key)).toBe(true);
  });

  it("passes the HTTP lesson's checks once its requests have been made", async () => {
    const key = await newSandboxKey();
    await call(
      echo.POST,
      "/api/v1/http/echo",
      {},
      { method: "POST", key, body: { hello: "world" } },
    );
    await call(echo.GET, "/api/v1/http/echo", {}, { key, headers: { accept: "image/png" } });
    const etag = (await todo("GET", 1, { key })).headers.get("etag") ?? "";
    await todo("GET", 1, { key, headers: { "if-none-match": etag } });
    await call(statusRoute, "/api/v1/http/status/404", { code: "404" }, { key });
    await call(delayRoute, "/api/v1/http/delay/10", { ms: "10" }, { key });
    const report = await check("http-and-rest", key);
    expect(report.checks.filter((c) => !c.passed)).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it("judges only the caller's sandbox: another learner's work does not count", async () => {
    const [worker, idler] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    await doTheTodoLesson(worker);
    expect((await check("todo-api", idler)).passed).toBe(false);
  });

  it("answers 404 for a lesson that does not exist and 401 without a sandbox", async () => {
    const key = await newSandboxKey();
    await expectProblem(
      await call(checkRoute, "/api/progress/nope/check", { slug: "nope" }, { method: "POST", key }),
      "not-found",
    );
    await expectProblem(
      await call(
        checkRoute,
        "/api/progress/todo-api/check",
        { slug: "todo-api" },
        { method: "POST" },
      ),
      "unauthorized",
    );
  });
});
