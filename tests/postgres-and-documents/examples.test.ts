import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/postgres-and-documents/lesson";
import { newSandboxKey } from "../harness";
import { answerOf, pathOf, replayAll, type Send } from "../support/replay-examples";
import { documents } from "./client";

describe("the documents lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    const send: Send = async (request) =>
      answerOf(
        await documents(pathOf(request), {
          key,
          method: request.method,
          headers: Object.fromEntries(request.headers),
          body: request.body ?? undefined,
        }),
      );
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });
});
