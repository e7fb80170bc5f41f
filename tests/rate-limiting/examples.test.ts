import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/rate-limiting/lesson";
import { toc } from "@/content/lessons/rate-limiting/page.mdx";
import type { Algorithm } from "@/lib/rate-limiting/contract";
import { newSandboxKey } from "../harness";
import { answerOf, pathOf, queryOf, replayAll, type Send } from "../support/replay-examples";
import { hit } from "./client";

describe("the rate-limiting lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    const send: Send = async (request) => {
      expect(request.method).toBe("GET");
      const algorithm = pathOf(request).replace("/api/v1/limits/", "") as Algorithm;
      const headers = Object.fromEntries(request.headers);
      return answerOf(await hit(key, algorithm, { query: queryOf(request), headers }));
    };
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });
});

describe("the rate-limiting lesson's page", () => {
  it("has the section its problem type links to, and one for each algorithm", () => {
    const ids = toc.map((entry) => entry.id);
    expect(Object.values(lesson.explains)).toEqual(["when-redis-is-down"]);
    for (const id of [
      "try-it-now",
      "fixed-window",
      "sliding-window",
      "token-bucket",
      "429-retry-after-and-the-ratelimit-fields",
      "what-to-key-a-limit-by",
      "distributed-limits",
      "when-redis-is-down",
    ])
      expect(ids).toContain(id);
  });
});
