import type { RatelimitRedis } from "./store";

/**
 * The in-process store for @upstash/ratelimit: the part of a Redis client the library calls
 * (`evalsha`, then `eval` on NOSCRIPT), answering each of its Lua scripts with the same steps
 * written in JavaScript. So a fresh clone runs the library's own fixed window, sliding window and
 * token bucket (keys, resets, remaining counts), exactly as they run on Redis; the tests run one
 * suite against both. Scripts are known by the SHA-1 the library sends; a library upgrade that
 * changes a script is refused loudly rather than answered wrongly.
 */

type Entry = { value: number | Map<string, number>; expiresAt?: number };
type Args = readonly unknown[];
type Script = (data: Data, keys: readonly string[], args: Args) => unknown;

const MAX_KEYS = 100_000;

class Data {
  private readonly entries = new Map<string, Entry>();

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, entry: Entry): void {
    if (!this.entries.has(key) && this.entries.size >= MAX_KEYS) {
      // Full of live counters (many distinct clients): forget the oldest rather than grow.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }

  get(key: string): number | undefined {
    const value = this.live(key)?.value;
    return typeof value === "number" ? value : undefined;
  }

  incrby(key: string, by: number): number {
    const entry = this.live(key);
    const value = (typeof entry?.value === "number" ? entry.value : 0) + by;
    this.put(key, { value, expiresAt: entry?.expiresAt });
    return value;
  }

  pexpire(key: string, ms: number): void {
    const entry = this.live(key);
    if (entry) entry.expiresAt = Date.now() + ms;
  }

  hget(key: string, field: string): number | undefined {
    const value = this.live(key)?.value;
    return value instanceof Map ? value.get(field) : undefined;
  }

  hset(key: string, fields: Record<string, number>): void {
    const entry = this.live(key);
    const map = entry?.value instanceof Map ? entry.value : new Map<string, number>();
    for (const [field, value] of Object.entries(fields)) map.set(field, value);
    this.put(key, { value: map, expiresAt: entry?.expiresAt });
  }

  /** DEL of every key matching a glob pattern whose only wildcard is `*` (what the library sends). */
  deleteMatching(pattern: string): void {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    const match = new RegExp(`^${escaped}$`);
    for (const key of [...this.entries.keys()]) if (match.test(key)) this.entries.delete(key);
  }
}

const num = (value: unknown) => Number(value);

// The library's scripts (@upstash/ratelimit 2.x, dist: SCRIPTS.singleRegion and RESET_SCRIPT),
// by the hash it sends. Each keeps the Lua's steps and its integer answers.
const scripts: Record<string, Script> = {
  // fixedWindow.limit: INCRBY, and PEXPIRE on the first increment of the window.
  b2efc02798c8e9b471a10f9b1d5745db89923ff3: (data, [key = ""], [tokens, window, by]) => {
    const used = data.incrby(key, num(by));
    if (used === num(by)) data.pexpire(key, num(window));
    return [used, num(tokens)];
  },
  // fixedWindow.getRemaining
  "823cb2a5a902d69681244f5e28e5ebb8f2a89edd": (data, [key = ""], [tokens]) => [
    num(tokens) - (data.get(key) ?? 0),
    num(tokens),
  ],
  // slidingWindow.limit: this window's count plus the previous one's, weighted by its overlap.
  "74740bb3d7792848093cdef586b6b6037c455fd6": (
    data,
    [current = "", previous = ""],
    [tokens, now, window, by],
  ) => {
    const limit = num(tokens);
    const inCurrent = data.get(current) ?? 0;
    const share = 1 - (num(now) % num(window)) / num(window);
    const inPrevious = Math.floor(share * (data.get(previous) ?? 0));
    if (num(by) > 0 && inPrevious + inCurrent >= limit) return [-1, limit];
    const used = data.incrby(current, num(by));
    if (used === num(by)) data.pexpire(current, num(window) * 2 + 1000);
    return [limit - (used + inPrevious), limit];
  },
  // slidingWindow.getRemaining
  "7ca36169e0fc9caedd81b4eef8e99854c157f9b5": (
    data,
    [current = "", previous = ""],
    [tokens, now, window],
  ) => {
    const share = 1 - (num(now) % num(window)) / num(window);
    const inPrevious = Math.floor(share * (data.get(previous) ?? 0));
    return [num(tokens) - (inPrevious + (data.get(current) ?? 0)), num(tokens)];
  },
  // tokenBucket.limit: refill whole intervals since the last refill, then take `by` tokens.
  d60be5bd3d83482ae229309f1f7425424f891204: (
    data,
    [key = ""],
    [maxTokens, interval, refillRate, now, by],
  ) => {
    const max = num(maxTokens);
    const every = num(interval);
    const at = num(now);
    const take = num(by);
    let refilledAt = data.hget(key, "refilledAt") ?? at;
    let tokens = data.hget(key, "tokens") ?? max;
    if (at >= refilledAt + every) {
      const refills = Math.floor((at - refilledAt) / every);
      tokens = Math.min(max, tokens + refills * num(refillRate));
      refilledAt += refills * every;
    }
    if (take > 0 && tokens < take) return [-1, refilledAt + every, max];
    const remaining = tokens - take;
    const expireAt = Math.ceil((max - remaining) / num(refillRate)) * every;
    data.hset(key, { refilledAt, tokens: remaining });
    if (expireAt > 0) data.pexpire(key, expireAt);
    return [remaining, refilledAt + every, max];
  },
  // tokenBucket.getRemaining: -1 as refilledAt when the bucket does not exist yet.
  "40daf4a441df736f5c99f8b77bbe176c909e5de4": (data, [key = ""], [maxTokens]) => {
    const refilledAt = data.hget(key, "refilledAt");
    if (refilledAt === undefined) return [num(maxTokens), -1, num(maxTokens)];
    return [data.hget(key, "tokens") ?? 0, refilledAt, num(maxTokens)];
  },
  // resetUsedTokens: SCAN MATCH pattern, DEL each.
  "54bd274ddc59fb3be0f42deee2f64322a10e2b50": (data, [pattern = ""]) => {
    data.deleteMatching(pattern);
    return null;
  },
};

const globalForMemory = globalThis as unknown as { bmjMemoryRedis?: Data };

/** The process's in-memory data, shared (like the Redis it stands for) by every limiter. */
export function memoryRedis(): RatelimitRedis {
  globalForMemory.bmjMemoryRedis ??= new Data();
  const data = globalForMemory.bmjMemoryRedis;
  const run = async (hash: string, keys: string[], args: Args) => {
    const script = scripts[hash];
    if (!script) throw new Error(`NOSCRIPT the in-process store does not know script ${hash}`);
    return script(data, keys, args);
  };
  const client = {
    evalsha: (hash: string, keys: string[], args: Args) => run(hash, keys, args),
    eval: async (source: string) => {
      throw new Error(
        `The in-process rate-limit store does not implement this script (an @upstash/ratelimit upgrade?): ${source.slice(0, 80)}`,
      );
    },
  };
  // The library's type asks for @upstash/redis's whole client; it only calls these two here.
  return client as unknown as RatelimitRedis;
}
