import { Ratelimit } from "@upstash/ratelimit";
import { logger } from "@/lib/logger";
import { callStore, type Store } from "./store";
import { keyPrefix, type Limiter, type LimitResult, type LimitRule } from "./types";

export type { RatelimitRedis } from "./store";

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
 * A store that does not answer lets the request through (fails open), logged at most every 10 s.
 * Why: these limits protect a learning sandbox from abuse, and a Redis outage refusing every new
 * sandbox and lesson call would be a full outage caused by a guard rail; a few minutes without
 * limits is the smaller harm. It is decided fast: each call has a short budget, and once the
 * store's circuit breaker is open no call waits for Redis at all (lib/rate-limit/store.ts).
 */
function failOpen(rule: LimitRule, store: string, why: string, error: unknown): LimitResult {
  const now = Date.now();
  if (now - lastLog >= LOG_EVERY_MS) {
    logger.error(
      { err: error, store, why, rule: rule.name, failuresSinceLastLog: unlogged },
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

/** A sliding-window limiter on @upstash/ratelimit, failing open when its store does not answer. */
export function ratelimitLimiter(rule: LimitRule, store: Store): Limiter {
  const ratelimit = new Ratelimit({
    redis: store.redis,
    limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
    prefix: keyPrefix(rule),
    // The store's budget and breaker bound every call (callStore), not the library's own timer.
    timeout: 0,
    ephemeralCache: new BoundedMap(),
    // Both off on purpose: protection downloads IP deny lists from the internet on requests, and
    // analytics and telemetry send data about our traffic that nobody here reads.
    enableProtection: false,
    analytics: false,
    enableTelemetry: false,
  });
  return {
    async limit(identifier) {
      const answer = await callStore(store, () => ratelimit.limit(identifier));
      if (!answer.ok) return failOpen(rule, store.kind, answer.why, answer.error);
      const { success, limit, remaining, reset } = answer.value;
      return { success, limit, remaining, reset };
    },
  };
}
