import type { Redis as UpstashRedis } from "@upstash/redis";
import type { Redis as IORedis } from "ioredis";
import { env } from "@/lib/env";
import type { CircuitBreaker } from "@/lib/rate-limit/breaker";
import {
  breakerFor,
  callStore,
  REDIS_TIMEOUT_MS,
  type StoreAnswer,
  UPSTASH_TIMEOUT_MS,
} from "@/lib/rate-limit/store";

/**
 * Where cached representations live: one Redis hash per sandbox and area (`…:cache:<sandbox>:
 * catalog`), one field per cached answer. A hash lets one DEL invalidate all of a sandbox's
 * catalog at once, however many pages and filters were cached.
 */
export type CacheClient = {
  hget(key: string, field: string): Promise<string | null>;
  /** Sets the field and (re)sets the whole hash's time to live. */
  hset(key: string, field: string, value: string, ttlMs: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Takes the lock `key` for `ttlMs` if nobody holds it (SET NX PX): whether it was taken. */
  claim(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Gives the lock back, only if `token` still holds it (not after it expired and was retaken). */
  release(key: string, token: string): Promise<void>;
};

/** Deletes a lock only if it still holds the caller's token, in one step on the server. */
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export type CacheStore = {
  kind: "memory" | "redis" | "upstash";
  client: CacheClient;
  /** The same budget and breaker as the rate limiters on that store (lib/rate-limit/store.ts). */
  timeoutMs: number;
  breaker: CircuitBreaker;
};

/** A call to the cache, guarded: never throws, never waits past the store's budget. */
export function callCache<T>(store: CacheStore, call: (client: CacheClient) => Promise<T>) {
  return callStore(store, () => call(store.client)) as Promise<StoreAnswer<T>>;
}

const MAX_HASHES = 10_000;
const MAX_FIELDS = 500;

/** This process's memory, with Redis's semantics for the three commands the cache uses. */
export function memoryCache(now: () => number = Date.now): CacheClient {
  const hashes = new Map<string, { fields: Map<string, string>; expiresAt: number }>();
  const locks = new Map<string, { token: string; expiresAt: number }>();
  const live = (key: string) => {
    const hash = hashes.get(key);
    if (hash && hash.expiresAt <= now()) {
      hashes.delete(key);
      return undefined;
    }
    return hash;
  };
  return {
    async hget(key, field) {
      return live(key)?.fields.get(field) ?? null;
    },
    async hset(key, field, value, ttlMs) {
      let hash = live(key);
      if (!hash) {
        // Bounded: past the limit the oldest sandbox's hash goes (Redis would evict by policy).
        if (hashes.size >= MAX_HASHES) {
          const oldest = hashes.keys().next().value;
          if (oldest !== undefined) hashes.delete(oldest);
        }
        hash = { fields: new Map(), expiresAt: 0 };
        hashes.set(key, hash);
      }
      if (hash.fields.size >= MAX_FIELDS && !hash.fields.has(field)) hash.fields.clear();
      hash.fields.set(field, value);
      hash.expiresAt = now() + ttlMs;
    },
    async del(key) {
      hashes.delete(key);
    },
    async claim(key, token, ttlMs) {
      const held = locks.get(key);
      if (held && held.expiresAt > now()) return false;
      if (locks.size >= MAX_HASHES) locks.clear();
      locks.set(key, { token, expiresAt: now() + ttlMs });
      return true;
    },
    async release(key, token) {
      if (locks.get(key)?.token === token) locks.delete(key);
    },
  };
}

/**
 * A real Redis through the process's shared ioredis client. A client that has lost its
 * connection fails at once instead of queueing the command until its timeout.
 */
export function redisCache(client: IORedis): CacheClient {
  const connected = () => {
    if (["reconnecting", "close", "end"].includes(client.status)) {
      throw new Error(`redis is not connected (${client.status})`);
    }
  };
  return {
    async hget(key, field) {
      connected();
      return client.hget(key, field);
    },
    async hset(key, field, value, ttlMs) {
      connected();
      await client.multi().hset(key, field, value).pexpire(key, ttlMs).exec();
    },
    async del(key) {
      connected();
      await client.del(key);
    },
    async claim(key, token, ttlMs) {
      connected();
      return (await client.set(key, token, "PX", ttlMs, "NX")) === "OK";
    },
    async release(key, token) {
      connected();
      await client.eval(RELEASE_SCRIPT, 1, key, token);
    },
  };
}

/** Upstash over REST: the same three commands, the hash's TTL set in the same pipeline. */
export function upstashCache(redis: UpstashRedis): CacheClient {
  return {
    async hget(key, field) {
      // Upstash's client parses JSON it recognizes: ask for the raw string back.
      const value = await redis.hget<unknown>(key, field);
      if (value === null || value === undefined) return null;
      return typeof value === "string" ? value : JSON.stringify(value);
    },
    async hset(key, field, value, ttlMs) {
      await redis
        .pipeline()
        .hset(key, { [field]: value })
        .pexpire(key, ttlMs)
        .exec();
    },
    async del(key) {
      await redis.del(key);
    },
    async claim(key, token, ttlMs) {
      return (await redis.set(key, token, { nx: true, px: ttlMs })) === "OK";
    },
    async release(key, token) {
      await redis.eval(RELEASE_SCRIPT, [key], [token]);
    },
  };
}

const globalForCache = globalThis as unknown as { bmjCacheStores?: Map<string, CacheStore> };

function cached(id: string, make: () => CacheStore): CacheStore {
  globalForCache.bmjCacheStores ??= new Map();
  let store = globalForCache.bmjCacheStores.get(id);
  if (!store) {
    store = make();
    globalForCache.bmjCacheStores.set(id, store);
  }
  return store;
}

/**
 * The cache the environment names, like the rate limiters' store: Upstash REST, a real Redis
 * (REDIS_URL), or this process's memory. It shares their client and their circuit breaker, so an
 * outage noticed by either is skipped by both.
 */
export async function cacheStore(): Promise<CacheStore> {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token, REDIS_URL } = env();
  if (url && token) {
    const { upstashRedis } = await import("@/lib/rate-limit/upstash");
    const id = `upstash:${url}`;
    return cached(id, () => ({
      kind: "upstash",
      client: upstashCache(upstashRedis({ url, token }, UPSTASH_TIMEOUT_MS) as UpstashRedis),
      timeoutMs: UPSTASH_TIMEOUT_MS,
      breaker: breakerFor(id),
    }));
  }
  if (REDIS_URL) {
    const { redisClient } = await import("@/lib/rate-limit/redis");
    const id = `redis:${REDIS_URL}`;
    return cached(id, () => ({
      kind: "redis",
      client: redisCache(redisClient(REDIS_URL)),
      timeoutMs: REDIS_TIMEOUT_MS,
      breaker: breakerFor(id),
    }));
  }
  return cached("memory", () => ({
    kind: "memory",
    client: memoryCache(),
    timeoutMs: REDIS_TIMEOUT_MS,
    breaker: breakerFor("memory-cache"),
  }));
}
