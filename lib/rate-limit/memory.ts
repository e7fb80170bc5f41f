import { keyPrefix, type Limiter, type LimitRule } from "./types";

/**
 * The in-process store, for a single instance with no Redis configured. It runs the same sliding
 * window as @upstash/ratelimit (this window's count plus the previous window's count weighted by
 * how much of it still overlaps), so limits behave alike whichever store serves them.
 */

type Counter = { windowMs: number; window: number; current: number; previous: number };

const MAX_KEYS = 100_000;
const SWEEP_EVERY_MS = 60_000;

// Kept on globalThis so hot reloads and Next's separate bundles share one set of counters.
const globalForLimits = globalThis as unknown as {
  bmjRateLimits?: { counters: Map<string, Counter>; nextSweep: number };
};

function store() {
  globalForLimits.bmjRateLimits ??= { counters: new Map(), nextSweep: 0 };
  return globalForLimits.bmjRateLimits;
}

/** Drops counters whose windows no longer count; bounded work, once a minute at most. */
function sweep(now: number) {
  const state = store();
  if (now < state.nextSweep) return;
  state.nextSweep = now + SWEEP_EVERY_MS;
  for (const [key, counter] of state.counters) {
    if (Math.floor(now / counter.windowMs) > counter.window + 1) state.counters.delete(key);
  }
}

function counterFor(key: string, windowMs: number, window: number): Counter {
  const { counters } = store();
  const counter = counters.get(key);
  if (counter && counter.window === window) return counter;
  const fresh: Counter = {
    windowMs,
    window,
    current: 0,
    previous: counter?.window === window - 1 ? counter.current : 0,
  };
  if (!counter && counters.size >= MAX_KEYS) {
    // Full of live counters (many distinct clients): forget the oldest rather than grow.
    const oldest = counters.keys().next().value;
    if (oldest !== undefined) counters.delete(oldest);
  }
  counters.set(key, fresh);
  return fresh;
}

export function memoryLimiter(rule: LimitRule): Limiter {
  const windowMs = rule.windowSeconds * 1000;
  const prefix = keyPrefix(rule);
  return {
    async limit(identifier) {
      const now = Date.now();
      sweep(now);
      const window = Math.floor(now / windowMs);
      const counter = counterFor(`${prefix}:${identifier}`, windowMs, window);
      const overlap = 1 - (now % windowMs) / windowMs;
      const used = Math.floor(overlap * counter.previous) + counter.current;
      const reset = (window + 1) * windowMs;
      if (used >= rule.limit) return { success: false, limit: rule.limit, remaining: 0, reset };
      counter.current += 1;
      return { success: true, limit: rule.limit, remaining: rule.limit - used - 1, reset };
    },
  };
}
