import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/api-versioning/lesson";
import { toc } from "@/content/lessons/api-versioning/page.mdx";
import { MIGRATION_GUIDE } from "@/lib/api-versioning/policy";
import { newSandboxKey } from "../harness";
import { answerOf, pathOf, queryOf, replayAll, type Send } from "../support/replay-examples";
import { todosByHeader, todosV1, todosV2, todoV1, todoV2 } from "./client";

type Method = Parameters<typeof todosV2>[0];

describe("the API versioning lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    const send: Send = async (request) => {
      const options = {
        key,
        query: queryOf(request),
        headers: Object.fromEntries(request.headers),
        body: request.body ?? undefined,
      };
      const path = pathOf(request);
      const method = request.method as Method;
      const [, version, id] = /^\/api\/(v1|v2)?\/?todos(?:\/(\d+))?$/.exec(path) ?? [];
      if (path === "/api/todos") return answerOf(await todosByHeader(options));
      if (version === "v1")
        return answerOf(await (id ? todoV1(method, id, options) : todosV1(method, options)));
      if (version === "v2")
        return answerOf(await (id ? todoV2(method, id, options) : todosV2(method, options)));
      throw new Error(`no route for ${path}`);
    };
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });
});

describe("the API versioning lesson's page", () => {
  const ids = toc.map((entry) => entry.id);

  it("has the sections its problem types and v1's deprecation link point to", () => {
    for (const anchor of Object.values(lesson.explains)) expect(ids).toContain(anchor);
    expect(MIGRATION_GUIDE).toBe("/learn/api-versioning#migrating-from-v1-to-v2");
    expect(ids).toContain("migrating-from-v1-to-v2");
    for (const id of [
      "breaking-and-non-breaking-changes",
      "versioning-by-uri-path",
      "versioning-by-header",
      "versioning-by-media-type",
      "deprecation-and-sunset",
    ])
      expect(ids).toContain(id);
  });
});
