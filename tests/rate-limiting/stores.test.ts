import { randomUUID } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { afterAll, describe, expect, it } from "vitest";
import { memoryRedis } from "@/lib/rate-limit/memory-redis";
import { closeRedisClients, redisClient, redisScripts } from "@/lib/rate-limit/redis";
import type { RatelimitRedis } from "@/lib/rate-limit/store";
import { awayFromWindowEdge } from "../support/replay-examples";

const redisUrl = process.env.REDIS_URL;
const prefix = `${process.env.REDIS_KEY_PREFIX}:rl:stores-${randomUUID().slice(0, 8)}`;

afterAll(() => closeRedisClients());

const algorithms = {
  "fixed-window": () => Ratelimit.fixedWindow(5, "10 s"),
  "sliding-window": () => Ratelimit.slidingWindow(5, "10 s"),
  "token-bucket": () => Ratelimit.tokenBucket(1, "2 s", 5),
};

const limiterOn = (redis: RatelimitRedis, algorithm: keyof typeof algorithms, store: string) =>
  new Ratelimit({
    redis,
    limiter: algorithms[algorithm](),
    prefix: `${prefix}:${store}:${algorithm}:${randomUUID().slice(0, 6)}`,
    ephemeralCache: false,
    timeout: 0,
    enableTelemetry: false,
  });

/** Costs spent one after the other, then what each store answered, without its timestamps. */
async function play(redis: RatelimitRedis, store: string, algorithm: keyof typeof algorithms) {
  const limiter = limiterOn(redis, algorithm, store);
  const answers = [];
  for (const rate of [1, 2, 1, 3, 1, 1, 1]) {
    const { success, remaining, limit } = await limiter.limit("client", { rate });
    answers.push({ rate, success, remaining, limit });
  }
  const left = await limiter.getRemaining("client");
  answers.push({ remaining: left.remaining, limit: left.limit });
  await limiter.resetUsedTokens("client");
  answers.push((await limiter.limit("client")).remaining);
  return answers;
}

describe("the in-process store", () => {
  it.each(Object.keys(algorithms) as (keyof typeof algorithms)[])(
    "runs @upstash/ratelimit's %s: exact at the edge, getRemaining, reset",
    async (algorithm) => {
      await awayFromWindowEdge(10, 3000);
      const answers = await play(memoryRedis(), "memory", algorithm);
      const successes = answers.slice(0, 7).map((a) => (a as { success: boolean }).success);
      // 1 + 2 + 1 fit in 5, 3 does not. The bucket refuses it without taking anything, so the next
      // 1 fits; both windows count it anyway (the library's windows add first, then compare).
      expect(successes).toEqual(
        algorithm === "token-bucket"
          ? [true, true, true, false, true, false, false]
          : [true, true, true, false, false, false, false],
      );
      expect(answers[7]).toEqual({ remaining: 0, limit: 5 });
      expect(answers[8]).toBe(4);
    },
  );

  it("refuses a script it does not know rather than answer it wrongly", async () => {
    const client = memoryRedis() as unknown as {
      evalsha: (h: string, k: string[], a: unknown[]) => Promise<unknown>;
      eval: (s: string, k: string[], a: unknown[]) => Promise<unknown>;
    };
    await expect(client.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
    await expect(client.eval("return 1", [], [])).rejects.toThrow(/does not implement/);
  });
});

describe.runIf(redisUrl)("the in-process store and a real Redis", () => {
  afterAll(async () => {
    const keys: string[] = [];
    for await (const batch of redisClient(redisUrl ?? "").scanStream({ match: `${prefix}:*` }))
      keys.push(...(batch as string[]));
    if (keys.length > 0) await redisClient(redisUrl ?? "").del(...keys);
  });

  it.each(Object.keys(algorithms) as (keyof typeof algorithms)[])(
    "answer %s alike, request for request",
    async (algorithm) => {
      await awayFromWindowEdge(10, 3000);
      const [memory, redis] = await Promise.all([
        play(memoryRedis(), "memory", algorithm),
        play(redisScripts(redisUrl ?? ""), "redis", algorithm),
      ]);
      expect(redis).toEqual(memory);
      // And the Redis one did count in Redis, under the lesson's key layout.
      const keys: string[] = [];
      for await (const batch of redisClient(redisUrl ?? "").scanStream({
        match: `${prefix}:redis:${algorithm}:*`,
      }))
        keys.push(...(batch as string[]));
      expect(keys.length).toBeGreaterThan(0);
    },
  );
});
