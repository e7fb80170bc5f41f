import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { findLesson } from "@/content/lessons";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, newSandboxKey } from "../harness";
import { todosByHeader, todosV2, todoV1, type V2Page } from "./client";

async function failing(key: string) {
  const res = await call(
    checkRoute,
    "/api/progress/api-versioning/check",
    { slug: "api-versioning" },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return (await expectConforms(checkWork, res)).checks.filter((c) => !c.passed).map((c) => c.id);
}

describe("the API versioning lesson's checks", () => {
  it("all fail on a fresh sandbox", async () => {
    const key = await newSandboxKey();
    expect(await failing(key)).toEqual(findLesson("api-versioning")?.checks.map((c) => c.id));
  });

  it("pass one by one as the exercises are done", async () => {
    const key = await newSandboxKey();
    const first = (await (await todosV2("GET", { key, query: { limit: "1" } })).json()) as V2Page;
    const cursor = first.nextCursor ?? "";
    // Reading v1 before creating in v2 is not the order the check asks for.
    await todoV1("GET", 1, { key });
    await todosByHeader({ key, headers: { accept: "application/vnd.bmj.todo.v2+json" } });
    expect(await failing(key)).toEqual([
      "followed-a-cursor",
      "refused-a-cursor",
      "wrote-in-v2-read-in-v1",
      "chose-by-header",
      "not-acceptable",
    ]);

    await todosV2("GET", { key, query: { limit: "1", cursor } });
    await todosV2("GET", { key, query: { limit: "1", cursor: `x${cursor}` } });
    expect(await failing(key)).toEqual([
      "wrote-in-v2-read-in-v1",
      "chose-by-header",
      "not-acceptable",
    ]);

    await todosV2("POST", { key, body: { text: "Migrate" } });
    await todoV1("GET", 4, { key });
    await todosByHeader({ key, headers: { "api-version": "2" } });
    expect(await failing(key)).toEqual(["not-acceptable"]);

    await todosByHeader({ key, headers: { accept: "application/vnd.bmj.todo.v9+json" } });
    expect(await failing(key)).toEqual([]);
  });
});
