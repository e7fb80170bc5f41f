import { Redis } from "@upstash/redis";
import { ratelimitLimiter } from "./remote";
import type { Limiter, LimitRule } from "./types";

/** Upstash Redis over REST: no connection to keep, so it suits serverless functions (Vercel). */
export function upstashLimiter(rule: LimitRule, config: { url: string; token: string }): Limiter {
  const redis = new Redis({
    url: config.url,
    token: config.token,
    // Two quick retries fit the limiter's 1 s budget; the default five keep fetching for seconds
    // after the request has already gone ahead without an answer.
    retry: { retries: 2 },
    enableTelemetry: false,
  });
  return ratelimitLimiter(rule, redis, "upstash");
}
