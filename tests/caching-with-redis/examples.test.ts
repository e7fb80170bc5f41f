import { describe, expect, it } from "vitest";
import mini from "@/content/lessons/cacheable-ecommerce-api/lesson";
import lesson from "@/content/lessons/caching-with-redis/lesson";
import { newSandboxKey } from "../harness";
import { type AuthPath, auth } from "../jwt-auth/client";
import { answerOf, pathOf, queryOf, replayAll, type Send } from "../support/replay-examples";
import { shop } from "./client";

type Method = Parameters<typeof shop>[0];

/** The shop's routes, or the JWT lesson's for accounts, in process, as sandbox `key`. */
const sender =
  (key: string): Send =>
  async (request) => {
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

describe("the caching lessons' examples", () => {
  for (const { slug, examples } of [lesson, mini]) {
    it(`${slug}: answer as the lesson says, in order, on a fresh sandbox`, async () => {
      expect(await replayAll(examples, sender(await newSandboxKey()))).toBeNull();
    }, 60_000);
  }
});
