import { Redis as IORedis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { cacheAside, invalidateCatalog, represent } from "@/lib/caching-with-redis/cache";
import {
  type CacheClient,
  type CacheStore,
  cacheStore,
  memoryCache,
  redisCache,
} from "@/lib/caching-with-redis/store";
import { Timing } from "@/lib/http/timing";
import { CircuitBreaker } from "@/lib/rate-limit/breaker";
import { closeRedisClients } from "@/lib/rate-limit/redis";
import { BREAKER, REDIS_TIMEOUT_MS } from "@/lib/rate-limit/store";
import { newSandboxKey } from "../harness";
import { books, cacheSpanOf, spansOf } from "./client";

const redisUrl = process.env.REDIS_URL;
afterAll(() => closeRedisClients());

/** A client that counts the calls reaching it and answers as `behave` says. */
function countingClient(behave: "fail" | "hang") {
  const state = { calls: 0 };
  const answer = () => {
    state.calls += 1;
    return behave === "fail"
      ? Promise.reject(new Error("ECONNREFUSED"))
      : new Promise<never>(() => {});
  };
  const client: CacheClient = {
    hget: answer,
    hset: answer,
    del: answer,
    claim: answer,
    release: answer,
  };
  return { client, state };
}

function storeOf(client: CacheClient): CacheStore {
  return {
    kind: "redis",
    client,
    timeoutMs: REDIS_TIMEOUT_MS,
    breaker: new CircuitBreaker({ ...BREAKER, now: () => 0 }),
  };
}

/** Reads `field` through the cache on `store`, counting database reads. */
async function reads(store: CacheStore, n: number) {
  let loads = 0;
  const answers = [];
  for (let i = 0; i < n; i += 1) {
    const timing = new Timing();
    const cached = await cacheAside({
      timing,
      sandboxId: "00000000-0000-4000-8000-00000000d0d0",
      field: `down:${i}`,
      dbStep: "Select",
      store,
      load: async () => {
        loads += 1;
        return represent({ i });
      },
    });
    answers.push({ cached, spans: timing.spans });
  }
  return { loads, answers };
}

describe("with the cache's store unreachable", () => {
  for (const behave of ["fail", "hang"] as const) {
    it(`reads go to the database, and after ${BREAKER.failures} failures not even to the store (${behave})`, async () => {
      const { client, state } = countingClient(behave);
      const store = storeOf(client);
      const { loads, answers } = await reads(store, 10);
      expect(loads).toBe(10);
      expect(answers.every((a) => a.cached.verdict === "MISS" && a.cached.storeDown)).toBe(true);
      expect(answers.every((a) => a.spans.some((s) => s.name === "db"))).toBe(true);
      // Nothing is written to a store that did not answer; the breaker then stops asking it.
      expect(state.calls).toBe(BREAKER.failures);
      expect(store.breaker.state).toBe("open");
      expect(answers.at(-1)?.spans[0]?.desc).toMatch(/unavailable \(circuit-open\)/);
    });
  }

  it("the route says so, and answers from the database", async () => {
    const key = await newSandboxKey();
    const store = await cacheStore();
    for (let i = 0; i < BREAKER.failures; i += 1) store.breaker.failure();
    try {
      const res = await books(key);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-cache")).toBe("MISS");
      expect(res.headers.get("cache-status")).toBe(
        'bmj-catalog; fwd=miss; detail="store-unavailable"',
      );
      expect(spansOf(res)).toContain("db");
      expect(cacheSpanOf(res)).toMatch(/unavailable \(circuit-open\)/);
    } finally {
      store.breaker.success();
    }
    expect((await books(key)).headers.get("x-cache")).toBe("MISS");
    expect((await books(key)).headers.get("x-cache")).toBe("HIT");
  });

  it("a DEL that failed is done before the key is read again", async () => {
    const memory = memoryCache();
    let down = false;
    const flaky: CacheClient = {
      hget: (k, f) => (down ? Promise.reject(new Error("down")) : memory.hget(k, f)),
      hset: (k, f, v, t) => (down ? Promise.reject(new Error("down")) : memory.hset(k, f, v, t)),
      del: (k) => (down ? Promise.reject(new Error("down")) : memory.del(k)),
      claim: (k, t, ms) => (down ? Promise.reject(new Error("down")) : memory.claim(k, t, ms)),
      release: (k, t) => (down ? Promise.reject(new Error("down")) : memory.release(k, t)),
    };
    const store = storeOf(flaky);
    const sandboxId = "00000000-0000-4000-8000-00000000d0d1";
    const read = () =>
      cacheAside({
        timing: new Timing(),
        sandboxId,
        field: "f",
        dbStep: "Select",
        store,
        load: async () => represent({ at: Date.now() }),
      });
    expect((await read()).verdict).toBe("MISS");
    expect((await read()).verdict).toBe("HIT");
    down = true;
    await invalidateCatalog({ sandboxId, store });
    down = false;
    // Redis is back, still holding the old answer: it must not be served.
    expect((await read()).verdict).toBe("MISS");
    expect((await read()).verdict).toBe("HIT");
  });
});

describe.runIf(redisUrl)("on a real Redis (REDIS_URL)", () => {
  it("is the store the environment names, and HITs from it", async () => {
    const store = await cacheStore();
    expect(store.kind).toBe("redis");
    const key = await newSandboxKey();
    expect((await books(key)).headers.get("x-cache")).toBe("MISS");
    const hit = await books(key);
    expect(hit.headers.get("x-cache")).toBe("HIT");
    expect(cacheSpanOf(hit)).toMatch(/^HIT in redis/);
  });

  it("falls back to the database fast when nothing listens at its address", async () => {
    // A port nobody listens on: every connection is refused at once.
    const client = new IORedis("redis://127.0.0.1:1", {
      maxRetriesPerRequest: 0,
      connectTimeout: 200,
      retryStrategy: () => 50,
    });
    // Its refusals are the point of the test, not news for the log.
    client.on("error", () => {});
    try {
      const { loads, answers } = await reads(storeOf(redisCache(client)), 6);
      expect(loads).toBe(6);
      expect(answers.every((a) => a.cached.storeDown)).toBe(true);
    } finally {
      client.disconnect();
    }
  });
});
