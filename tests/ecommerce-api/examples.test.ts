import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/ecommerce-api/lesson";
import { toc } from "@/content/lessons/ecommerce-api/page.mdx";
import { newSandboxKey } from "../harness";
import { type AuthPath, auth } from "../jwt-auth/client";
import { answerOf, pathOf, queryOf, replayAll, type Send } from "../support/replay-examples";
import { shop } from "./client";

type Method = Parameters<typeof shop>[0];

describe("the shop lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    // The shop's routes, or the JWT lesson's for accounts.
    const send: Send = async (request) => {
      const path = pathOf(request);
      const options = {
        key,
        query: queryOf(request),
        headers: Object.fromEntries(request.headers),
        body: request.body ?? undefined,
      };
      const res = path.startsWith("/api/v1/auth/")
        ? await auth(path.replace("/api/v1/auth/", "") as AuthPath, {
            ...options,
            method: request.method,
          })
        : await shop(request.method as Method, path, options);
      return answerOf(res);
    };
    expect(await replayAll(lesson.examples, send)).toBeNull();
  }, 60_000);
});

describe("the shop lesson's page", () => {
  it("has the sections its problem types link to", () => {
    const ids = toc.map((entry) => entry.id);
    expect(Object.keys(lesson.explains).sort()).toEqual([
      "idempotency-key-in-use",
      "idempotency-key-reused",
      "insufficient-stock",
    ]);
    for (const anchor of Object.values(lesson.explains)) expect(ids).toContain(anchor);
  });
});
