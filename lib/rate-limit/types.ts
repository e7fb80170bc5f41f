import { env } from "@/lib/env";

export type LimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the window resets, in milliseconds since the epoch. */
  reset: number;
};

export type Limiter = { limit(identifier: string): Promise<LimitResult> };

export type LimitRule = { name: string; limit: number; windowSeconds: number };

/** Every store keeps its counters under `<REDIS_KEY_PREFIX>:rl:<rule name>:<identifier>`. */
export function keyPrefix(rule: LimitRule): string {
  return `${env().REDIS_KEY_PREFIX}:rl:${rule.name}`;
}
