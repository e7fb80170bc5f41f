import { Redis } from "@upstash/redis";
import { ratelimitLimiter } from "./remote";
import {
  breakerFor,
  cachedStore,
  type RatelimitRedis,
  type Store,
  UPSTASH_TIMEOUT_MS,
} from "./store";
import type { Limiter, LimitRule } from "./types";

type UpstashConfig = { url: string; token: string };

/** Upstash Redis over REST: no connection to keep, so it suits serverless functions (Vercel). */
export function upstashRedis(config: UpstashConfig, timeoutMs: number): RatelimitRedis {
  return new Redis({
    url: config.url,
    token: config.token,
    // One quick retry, and each fetch aborted at the limiter's budget: the default five retries
    // keep fetching for seconds after the request has already gone ahead without an answer.
    retry: { retries: 1 },
    signal: () => AbortSignal.timeout(timeoutMs),
    enableTelemetry: false,
  });
}

export function upstashStore(config: UpstashConfig): Store {
  const id = `upstash:${config.url}`;
  return cachedStore(id, () => ({
    kind: "upstash",
    redis: upstashRedis(config, UPSTASH_TIMEOUT_MS),
    timeoutMs: UPSTASH_TIMEOUT_MS,
    breaker: breakerFor(id),
  }));
}

export function upstashLimiter(rule: LimitRule, config: UpstashConfig): Limiter {
  return ratelimitLimiter(rule, upstashStore(config));
}
