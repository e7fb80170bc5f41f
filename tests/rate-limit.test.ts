import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createLimiter, type Limiter, type LimitRule, rateLimitHeaders } from "@/lib/rate-limit";
import { memoryLimiter } from "@/lib/rate-limit/memory";
import { closeRedisClients, redisClient, redisLimiter } from "@/lib/rate-limit/redis";
import { upstashLimiter } from "@/lib/rate-limit/upstash";

const redisUrl = process.env.REDIS_URL;
// Every rule of this run is named `${run}-<n>`, so one key pattern finds all it wrote to Redis.
const run = `test-${randomUUID().slice(0, 8)}`;
let rules = 0;
const rule = (limit: number, windowSeconds: number): LimitRule => ({
  name: `${run}-${++rules}`,
  limit,
  windowSeconds,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the start of a fresh window, so a burst of calls cannot straddle two windows. */
const startOfWindow = (windowSeconds: number) => {
  const windowMs = windowSeconds * 1000;
  return sleep(windowMs - (Date.now() % windowMs) + 10);
};

afterAll(() => closeRedisClients());

function behavesAsARateLimit(make: (rule: LimitRule) => Limiter) {
  it("allows the limit, counting down, then refuses", async () => {
    const limiter = make(rule(3, 3600));
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.limit("client"));
    expect(results.map((r) => [r.success, r.remaining, r.limit])).toEqual([
      [true, 2, 3],
      [true, 1, 3],
      [true, 0, 3],
      [false, 0, 3],
    ]);
    for (const result of results) expect(result.reset).toBeGreaterThan(Date.now());
    expect((await limiter.limit("client")).success).toBe(false);
  });

  it("counts each identifier separately", async () => {
    const limiter = make(rule(2, 3600));
    await limiter.limit("a");
    await limiter.limit("a");
    expect((await limiter.limit("a")).success).toBe(false);
    expect(await limiter.limit("b")).toMatchObject({ success: true, remaining: 1 });
  });

  it("counts one rule across limiter instances, separately from other rules", async () => {
    const shared = rule(1, 3600);
    await make(shared).limit("client");
    expect((await make(shared).limit("client")).success).toBe(false);
    expect((await make(rule(1, 3600)).limit("client")).success).toBe(true);
  });

  it("lets requests through again once the window has passed", async () => {
    const limiter = make(rule(2, 1));
    await startOfWindow(1);
    expect((await limiter.limit("client")).success).toBe(true);
    expect((await limiter.limit("client")).success).toBe(true);
    expect((await limiter.limit("client")).success).toBe(false);
    await sleep(1100);
    expect((await limiter.limit("client")).success).toBe(true);
  });

  it("gives retry-after only to a refused request", async () => {
    const limiter = make(rule(1, 3600));
    const policy = { name: "test", windowSeconds: 3600 };
    const allowed = rateLimitHeaders(await limiter.limit("client"), policy);
    expect(allowed).toMatchObject({
      "ratelimit-policy": '"test";q=1;w=3600',
      ratelimit: expect.stringMatching(/^"test";r=0;t=\d+$/),
    });
    expect(allowed).not.toHaveProperty("retry-after");
    const refused = rateLimitHeaders(await limiter.limit("client"), policy);
    const t = /;t=(\d+)$/.exec(refused.ratelimit ?? "")?.[1];
    expect(Number(t)).toBeGreaterThan(0);
    expect(refused["retry-after"]).toBe(t);
  });
}

describe("rateLimitHeaders", () => {
  const now = Date.UTC(2025, 0, 31, 9, 0, 0);
  const reset = now + 29_500;

  it("states the policy (quota per window) and the service limit (remaining, seconds to reset)", () => {
    const policy = { name: "sandbox", windowSeconds: 60 };
    expect(
      rateLimitHeaders({ success: true, limit: 600, remaining: 599, reset }, policy, now),
    ).toEqual({
      "ratelimit-policy": '"sandbox";q=600;w=60',
      ratelimit: '"sandbox";r=599;t=30',
    });
  });

  it("adds Retry-After to a refused request, at the reset and never before it", () => {
    const policy = { name: "sandbox", windowSeconds: 60 };
    expect(
      rateLimitHeaders({ success: false, limit: 600, remaining: 0, reset }, policy, now),
    ).toEqual({
      "ratelimit-policy": '"sandbox";q=600;w=60',
      ratelimit: '"sandbox";r=0;t=30',
      "retry-after": "30",
    });
  });

  it("takes a bare policy name, leaving out the optional window", () => {
    const headers = rateLimitHeaders(
      { success: true, limit: 5, remaining: 2, reset },
      "burst",
      now,
    );
    expect(headers["ratelimit-policy"]).toBe('"burst";q=5');
    expect(headers.ratelimit).toBe('"burst";r=2;t=30');
  });

  it("writes the name as a Structured Fields String and refuses what cannot be one", () => {
    const result = { success: true, limit: 1, remaining: 1, reset };
    expect(rateLimitHeaders(result, 'a "b" \\c', now)["ratelimit-policy"]).toBe(
      '"a \\"b\\" \\\\c";q=1',
    );
    expect(() => rateLimitHeaders(result, "naïve", now)).toThrow();
  });

  it("never sends a negative remaining or reset", () => {
    const headers = rateLimitHeaders(
      { success: false, limit: 1, remaining: -1, reset: 0 },
      "x",
      now,
    );
    expect(headers.ratelimit).toBe('"x";r=0;t=0');
    expect(headers["retry-after"]).toBe("0");
  });
});

describe("createLimiter", () => {
  it("rejects a rule that cannot limit anything", () => {
    expect(() => createLimiter({ name: run, limit: 0, windowSeconds: 60 })).toThrow();
    expect(() => createLimiter({ name: run, limit: 1, windowSeconds: 0.5 })).toThrow();
  });

  it.runIf(!redisUrl && !process.env.UPSTASH_REDIS_REST_URL)(
    "keeps counters in memory when no Redis is configured",
    async () => {
      const shared = rule(5, 3600);
      await createLimiter(shared).limit("client");
      expect(await memoryLimiter(shared).limit("client")).toMatchObject({ remaining: 3 });
    },
  );
});

describe("memory store", () => behavesAsARateLimit(memoryLimiter));

describe("unreachable stores fail open", () => {
  it("allows the request when Redis refuses connections", async () => {
    const limiter = redisLimiter(rule(1, 3600), "redis://127.0.0.1:1");
    expect(await limiter.limit("client")).toMatchObject({ success: true, limit: 1 });
    expect(await limiter.limit("client")).toMatchObject({ success: true, limit: 1 });
  });

  it("allows the request when Upstash does not answer", async () => {
    const limiter = upstashLimiter(rule(1, 3600), { url: "http://127.0.0.1:1", token: "t" });
    expect(await limiter.limit("client")).toMatchObject({ success: true, limit: 1 });
  });
});

describe.runIf(redisUrl)("redis store", () => {
  const url = redisUrl ?? "";
  const ourKeys = async () => {
    const keys: string[] = [];
    const stream = redisClient(url).scanStream({
      match: `${process.env.REDIS_KEY_PREFIX ?? "bmj"}:rl:${run}-*`,
      count: 1000,
    });
    for await (const batch of stream) keys.push(...(batch as string[]));
    return keys;
  };

  afterAll(async () => {
    const keys = await ourKeys();
    if (keys.length > 0) await redisClient(url).del(...keys);
    expect(await ourKeys()).toEqual([]);
  });

  behavesAsARateLimit((r) => redisLimiter(r, url));

  it("is the store createLimiter picks when REDIS_URL is set", async () => {
    const chosen = rule(5, 3600);
    await createLimiter(chosen).limit("client");
    const keys = await ourKeys();
    expect(
      keys.some((key) =>
        key.startsWith(`${process.env.REDIS_KEY_PREFIX ?? "bmj"}:rl:${chosen.name}:client:`),
      ),
    ).toBe(true);
  });

  it("reloads its script after Redis forgets it", async () => {
    const limiter = redisLimiter(rule(3, 3600), url);
    await limiter.limit("client");
    await redisClient(url).script("FLUSH");
    expect(await limiter.limit("client")).toMatchObject({ success: true, remaining: 1 });
  });
});
