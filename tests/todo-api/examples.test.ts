import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/todo-api/lesson";
import { toc } from "@/content/lessons/todo-api/page.mdx";
import { newSandboxKey } from "../harness";
import { answerOf, pathOf, queryOf, replayAll, type Send } from "../support/replay-examples";
import { todo, todos } from "./client";

type Method = Parameters<typeof todos>[0];

describe("the Todo API lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    const send: Send = async (request) => {
      const options = {
        key,
        query: queryOf(request),
        headers: Object.fromEntries(request.headers),
        body: request.body ?? undefined,
      };
      const id = /^\/api\/v1\/todos\/(\d+)$/.exec(pathOf(request))?.[1];
      const method = request.method as Method;
      return answerOf(await (id ? todo(method, id, options) : todos(method, options)));
    };
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });
});

describe("the Todo API lesson's page", () => {
  const ids = toc.map((entry) => entry.id);

  it("has the sections its problem types link to", () => {
    expect(Object.keys(lesson.explains).sort()).toEqual([
      "conflict",
      "precondition-failed",
      "precondition-required",
      "validation",
    ]);
    for (const anchor of Object.values(lesson.explains)) expect(ids).toContain(anchor);
  });

  it("keeps the anchors other lessons link to", () => {
    for (const anchor of ["create-a-todo", "422-unprocessable-content"]) {
      expect(ids).toContain(anchor);
    }
  });
});
