/**
 * Rate limits shared by every instance of the app. The store is chosen by the environment:
 * Upstash REST (Vercel), a real Redis (REDIS_URL), or this process's memory when neither is set.
 */
export type LimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the window resets, in milliseconds since the epoch. */
  reset: number;
};

export type Limiter = { limit(identifier: string): Promise<LimitResult> };

export type LimitRule = { name: string; limit: number; windowSeconds: number };

const memory = new Map<string, { count: number; reset: number }>();

function memoryLimiter(rule: LimitRule): Limiter {
  return {
    async limit(identifier) {
      const key = `${rule.name}:${identifier}`;
      const now = Date.now();
      let window = memory.get(key);
      if (!window || window.reset <= now) {
        window = { count: 0, reset: now + rule.windowSeconds * 1000 };
        memory.set(key, window);
      }
      window.count += 1;
      return {
        success: window.count <= rule.limit,
        limit: rule.limit,
        remaining: Math.max(0, rule.limit - window.count),
        reset: window.reset,
      };
    },
  };
}

export function createLimiter(rule: LimitRule): Limiter {
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
