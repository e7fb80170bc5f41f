import { Ratelimit } from "@upstash/ratelimit";
import { logger } from "@/lib/logger";
import { keyPrefix, type Limiter, type LimitResult, type LimitRule } from "./types";

/** The client @upstash/ratelimit is given: Upstash's REST client or our ioredis adapter. */
export type RatelimitRedis = ConstructorParameters<typeof Ratelimit>[0]["redis"];

/** Past this, a request goes ahead without an answer from Redis (see `failOpen`). */
const TIMEOUT_MS = 1_000;
const MAX_BLOCKED_IN_PROCESS = 10_000;
const LOG_EVERY_MS = 10_000;

/**
 * The library remembers refused identifiers until their reset so it can refuse again without a
 * round trip; this keeps that memory bounded when many distinct clients are refused.
 */
class BoundedMap extends Map<string, number> {
  override set(key: string, value: number): this {
    if (!this.has(key) && this.size >= MAX_BLOCKED_IN_PROCESS) {
      const oldest = this.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    return super.set(key, value);
  }
}

let lastLog = 0;
let unlogged = 0;

/**
 * A Redis failure lets the request through (fails open), logged at most every 10 s. Why: these
 * limits protect a learning sandbox from abuse, and a Redis outage refusing every new sandbox and
 * lesson call would be a full outage caused by a guard rail; a few minutes without limits is the
 * smaller harm. Each failure still costs at most TIMEOUT_MS.
 */
function failOpen(rule: LimitRule, store: string, error: unknown): LimitResult {
  const now = Date.now();
  if (now - lastLog >= LOG_EVERY_MS) {
    logger.error(
      { err: error, store, rule: rule.name, failuresSinceLastLog: unlogged },
      "rate limit store unavailable; allowing the request",
    );
    lastLog = now;
    unlogged = 0;
  } else {
    unlogged += 1;
  }
  return {
    success: true,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - 1),
    reset: now + rule.windowSeconds * 1000,
  };
}

/** A sliding-window limiter on @upstash/ratelimit, failing open when Redis does not answer. */
export function ratelimitLimiter(rule: LimitRule, redis: RatelimitRedis, store: string): Limiter {
  const ratelimit = new Ratelimit({
    redis,
    limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
    prefix: keyPrefix(rule),
    timeout: TIMEOUT_MS,
    ephemeralCache: new BoundedMap(),
    // Both off on purpose: protection downloads IP deny lists from the internet on requests, and
    // analytics and telemetry send data about our traffic that nobody here reads.
    enableProtection: false,
    analytics: false,
    enableTelemetry: false,
  });
  return {
    async limit(identifier) {
      try {
        const result = await ratelimit.limit(identifier);
        if (result.reason === "timeout") {
          return failOpen(rule, store, new Error(`no answer within ${TIMEOUT_MS} ms`));
        }
        const { success, limit, remaining, reset } = result;
        return { success, limit, remaining, reset };
      } catch (error) {
        return failOpen(rule, store, error);
      }
    },
  };
}
