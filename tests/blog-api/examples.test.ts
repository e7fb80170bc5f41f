import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/blog-api/lesson";
import { newSandboxKey } from "../harness";
import { answerOf, pathOf, replayAll, type Send } from "../support/replay-examples";
import { sqlLessonSend } from "../support/sql-lessons";
import { blog } from "./client";

describe("the Blog API lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", {
    timeout: 120_000,
  }, async () => {
    const key = await newSandboxKey();
    const sql = sqlLessonSend(key);
    const send: Send = async (request) =>
      pathOf(request) === "/api/v1/sql"
        ? sql(request)
        : answerOf(
            await blog(request.url, {
              key,
              method: request.method,
              headers: Object.fromEntries(request.headers),
              body: request.body ?? undefined,
            }),
          );
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });
});
