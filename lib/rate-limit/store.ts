import type { Ratelimit } from "@upstash/ratelimit";
import { env } from "@/lib/env";
import { CircuitBreaker } from "./breaker";

/** The client @upstash/ratelimit is given: Upstash's REST client or one of our adapters. */
export type RatelimitRedis = ConstructorParameters<typeof Ratelimit>[0]["redis"];

export type StoreKind = "memory" | "redis" | "upstash" | "simulated-outage";

/**
 * Where counters live, with what guards every call to it: a time budget per call and a circuit
 * breaker shared by every limiter on that store (when Redis is down, it is down for all of them).
 */
export type Store = {
  kind: StoreKind;
  redis: RatelimitRedis;
  timeoutMs: number;
  breaker: CircuitBreaker;
};

/** Past this a Redis call counts as failed. Redis answers in well under a millisecond nearby. */
export const REDIS_TIMEOUT_MS = 150;
/** Upstash is reached over HTTPS, further away: a larger budget. */
export const UPSTASH_TIMEOUT_MS = 300;
/** Three failures in a row open the breaker; one probe goes through every five seconds. */
export const BREAKER = { failures: 3, cooldownMs: 5_000 } as const;

export type StoreAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; why: "circuit-open" | "timeout" | "error"; retryInMs: number; error?: unknown };

class StoreTimeout extends Error {
  override name = "StoreTimeout";
}

/**
 * Calls the store through its breaker, within its time budget. Never throws and never waits
 * longer than the budget: a refused, failed or late call is an answer too, and the caller decides
 * what it means (fail open, fail closed, or decide locally).
 */
export async function callStore<T>(
  store: Pick<Store, "breaker" | "timeoutMs">,
  call: () => Promise<T>,
): Promise<StoreAnswer<T>> {
  const { breaker } = store;
  if (!breaker.tryAcquire()) {
    return { ok: false, why: "circuit-open", retryInMs: breaker.retryInMs() };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    // Timers run before I/O in each turn of the event loop: after a busy stretch the timer may
    // fire while the answer is already waiting in the socket. setImmediate runs after that I/O,
    // so only a call that really has no answer yet counts as late.
    const expire = () =>
      setImmediate(() => reject(new StoreTimeout(`no answer within ${store.timeoutMs} ms`)));
    timer = setTimeout(expire, store.timeoutMs);
  });
  try {
    const value = await Promise.race([call(), late]);
    breaker.success();
    return { ok: true, value };
  } catch (error) {
    breaker.failure();
    const why = error instanceof StoreTimeout ? "timeout" : "error";
    return { ok: false, why, retryInMs: breaker.retryInMs(), error };
  } finally {
    clearTimeout(timer);
  }
}

const globalForStores = globalThis as unknown as {
  bmjStores?: Map<string, Store>;
  bmjBreakers?: Map<string, CircuitBreaker>;
};

/** The breaker of the store `id` (`redis:<url>`, …): one per store per process, shared. */
export function breakerFor(id: string): CircuitBreaker {
  globalForStores.bmjBreakers ??= new Map();
  let breaker = globalForStores.bmjBreakers.get(id);
  if (!breaker) {
    breaker = new CircuitBreaker(BREAKER);
    globalForStores.bmjBreakers.set(id, breaker);
  }
  return breaker;
}

/** One store per configuration per process, so all limiters on it share its client and breaker. */
export function cachedStore(id: string, make: () => Store): Store {
  globalForStores.bmjStores ??= new Map();
  let store = globalForStores.bmjStores.get(id);
  if (!store) {
    store = make();
    globalForStores.bmjStores.set(id, store);
  }
  return store;
}

/** This process's memory: the default on a fresh clone, and the token bucket's local fallback. */
export async function memoryStore(): Promise<Store> {
  const { memoryRedis } = await import("./memory-redis");
  return cachedStore("memory", () => ({
    kind: "memory",
    redis: memoryRedis(),
    timeoutMs: REDIS_TIMEOUT_MS,
    breaker: breakerFor("memory"),
  }));
}

/**
 * The store the environment names: Upstash REST (Vercel), a real Redis (REDIS_URL), or this
 * process's memory. Each store's client library is loaded on first use only.
 */
export async function sharedStore(): Promise<Store> {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token, REDIS_URL } = env();
  if (url && token) return (await import("./upstash")).upstashStore({ url, token });
  if (REDIS_URL) return (await import("./redis")).redisStore(REDIS_URL);
  return memoryStore();
}
