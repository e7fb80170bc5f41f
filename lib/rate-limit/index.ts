/**
 * Rate limits shared by every instance of the app. The store is chosen by the environment:
 * Upstash REST (Vercel), a real Redis (REDIS_URL), or this process's memory when neither is set.
 * All three run the same sliding window and keep counters under `bmj:rl:<rule name>:<identifier>`.
 */
import { env } from "@/lib/env";
import { memoryLimiter } from "./memory";
import type { Limiter, LimitResult, LimitRule } from "./types";

export type { Limiter, LimitResult, LimitRule } from "./types";

/** Loads a store's client library on first use only, so each deployment loads just its own. */
function lazy(load: () => Promise<Limiter>): Limiter {
  let limiter: Promise<Limiter> | undefined;
  return {
    async limit(identifier) {
      limiter ??= load();
      return (await limiter).limit(identifier);
    },
  };
}

export function createLimiter(rule: LimitRule): Limiter {
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  if (!whole(rule.limit) || !whole(rule.windowSeconds)) {
    throw new Error(`Invalid rate limit rule ${JSON.stringify(rule)}`);
  }
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token, REDIS_URL } = env();
  if (url && token) {
    return lazy(() => import("./upstash").then((m) => m.upstashLimiter(rule, { url, token })));
  }
  if (REDIS_URL) {
    return lazy(() => import("./redis").then((m) => m.redisLimiter(rule, REDIS_URL)));
  }
  return memoryLimiter(rule);
}

/** Standard rate-limit response headers for a result. */
export function rateLimitHeaders(result: LimitResult): Record<string, string> {
  const seconds = Math.max(0, Math.ceil((result.reset - Date.now()) / 1000));
  return {
    "ratelimit-limit": String(result.limit),
    "ratelimit-remaining": String(result.remaining),
    "ratelimit-reset": String(seconds),
    ...(result.success ? {} : { "retry-after": String(seconds) }),
  };
}
