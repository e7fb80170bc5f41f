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

/** How a limit is advertised: its name on the wire, and its window when it has one. */
export type RateLimitPolicy = { name: string; windowSeconds?: number };

/** A Structured Fields String (RFC 9651 §3.3.3): printable ASCII, `"` and `\` escaped. */
function sfString(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`Not a printable ASCII policy name: ${value}`);
  return `"${value.replace(/[\\"]/g, "\\$&")}"`;
}

/** A Structured Fields Integer as these fields use it: whole and never negative. */
const sfCount = (n: number) => String(Math.max(0, Math.floor(n)));

/**
 * The rate-limit fields of draft-ietf-httpapi-ratelimit-headers-10: `RateLimit-Policy` states the
 * quota (q) per window (w, seconds), `RateLimit` what is left of it (r) and the seconds until more
 * is made available (t). A refused request also gets `Retry-After`, never earlier than t (§6).
 *
 *   RateLimit-Policy: "sandbox";q=600;w=60
 *   RateLimit: "sandbox";r=599;t=42
 */
export function rateLimitHeaders(
  result: LimitResult,
  policy: RateLimitPolicy | string = "default",
  now = Date.now(),
): Record<string, string> {
  const { name, windowSeconds } = typeof policy === "string" ? { name: policy } : policy;
  const id = sfString(name);
  const seconds = Math.max(0, Math.ceil((result.reset - now) / 1000));
  const window = windowSeconds === undefined ? "" : `;w=${sfCount(windowSeconds)}`;
  return {
    "ratelimit-policy": `${id};q=${sfCount(result.limit)}${window}`,
    ratelimit: `${id};r=${sfCount(result.remaining)};t=${seconds}`,
    ...(result.success ? {} : { "retry-after": String(seconds) }),
  };
}
