import { Ratelimit } from "@upstash/ratelimit";
import { env } from "@/lib/env";
import { CircuitBreaker } from "@/lib/rate-limit/breaker";
import { BREAKER, type RatelimitRedis, REDIS_TIMEOUT_MS, type Store } from "@/lib/rate-limit/store";
import type { Algorithm } from "./contract";

/**
 * What a limiter does when its shared store (Redis) does not answer:
 * - `open`: let the request through uncounted. Availability first; abuse is briefly unlimited.
 * - `closed`: refuse it (503). The limit holds; nobody is served until the store is back.
 * - `local`: count it in this instance's memory instead. Limits hold per instance, so with N
 *   instances a client gets up to N times the quota until the store is back.
 */
export type WhenStoreDown = "open" | "closed" | "local";

export type Policy = {
  /** Units of quota: requests per window, or the bucket's size. */
  limit: number;
  /** The window (or, for the bucket, the time to refill it from empty), in seconds. */
  windowSeconds: number;
  whenStoreDown: WhenStoreDown;
  words: string;
};

// #region policies
export const POLICIES: Record<Algorithm, Policy> = {
  "fixed-window": {
    limit: 5,
    windowSeconds: 10,
    whenStoreDown: "open",
    words: "5 requests per 10-second window; windows start at :00, :10, :20, … on the clock",
  },
  "sliding-window": {
    limit: 5,
    windowSeconds: 10,
    whenStoreDown: "closed",
    words: "5 requests in any 10 seconds, the previous window weighted by how much of it overlaps",
  },
  "token-bucket": {
    limit: 5,
    windowSeconds: 10,
    whenStoreDown: "local",
    words: "a bucket of 5 tokens, 1 token back every 2 seconds; each request takes its cost",
  },
};

/** The limiter behind each endpoint, from @upstash/ratelimit. */
function algorithmOf(algorithm: Algorithm) {
  switch (algorithm) {
    case "fixed-window":
      return Ratelimit.fixedWindow(5, "10 s");
    case "sliding-window":
      return Ratelimit.slidingWindow(5, "10 s");
    case "token-bucket":
      // refill 1 token every 2 s, up to 5
      return Ratelimit.tokenBucket(1, "2 s", 5);
  }
}
// #endregion

const limiters = new WeakMap<RatelimitRedis, Map<Algorithm, Ratelimit>>();

/** The library's limiter for `algorithm` on `store`, made once per store. */
export function ratelimitFor(algorithm: Algorithm, store: Pick<Store, "redis">): Ratelimit {
  let byAlgorithm = limiters.get(store.redis);
  if (!byAlgorithm) {
    byAlgorithm = new Map();
    limiters.set(store.redis, byAlgorithm);
  }
  let limiter = byAlgorithm.get(algorithm);
  if (!limiter) {
    limiter = new Ratelimit({
      redis: store.redis,
      limiter: algorithmOf(algorithm),
      // Counters under <REDIS_KEY_PREFIX>:rl:lesson-<algorithm>:<sandbox id>[:<address>]…
      prefix: `${env().REDIS_KEY_PREFIX}:rl:lesson-${algorithm}`,
      // Every decision is the store's: no refusals remembered in this process (which another
      // instance would not know about), and no library timer (callStore bounds each call).
      ephemeralCache: false,
      timeout: 0,
      enableProtection: false,
      analytics: false,
      enableTelemetry: false,
    });
    byAlgorithm.set(algorithm, limiter);
  }
  return limiter;
}

/**
 * A store that refuses every connection, for `?simulate=outage`: the request takes the same path
 * as in a real outage, with a breaker of its own so that nobody else's requests are affected.
 */
export function outageStore(): Store {
  const refuse = async () => {
    throw new Error("connect ECONNREFUSED (simulated outage)");
  };
  return {
    kind: "simulated-outage",
    redis: { evalsha: refuse, eval: refuse } as unknown as RatelimitRedis,
    timeoutMs: REDIS_TIMEOUT_MS,
    breaker: new CircuitBreaker(BREAKER),
  };
}
