import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { Ratelimit } from "@upstash/ratelimit";
import { afterAll, describe, expect, it } from "vitest";
import { CircuitBreaker } from "@/lib/rate-limit/breaker";
import { memoryRedis } from "@/lib/rate-limit/memory-redis";
import { closeRedisClients, redisClient, redisScripts } from "@/lib/rate-limit/redis";
import { ratelimitLimiter } from "@/lib/rate-limit/remote";
import {
  BREAKER,
  callStore,
  type RatelimitRedis,
  REDIS_TIMEOUT_MS,
  type Store,
} from "@/lib/rate-limit/store";
import { expectProblem, newSandboxKey } from "../harness";
import { hit, itemOf } from "./client";

const redisUrl = process.env.REDIS_URL;
const run = `down-${randomUUID().slice(0, 8)}`;

afterAll(() => closeRedisClients());

/** A clock the test moves by hand, so no test waits out a cooldown. */
function manualClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/**
 * A store whose client counts the calls that reach it, and whose target the test can swap (Redis
 * going away, Redis coming back).
 */
function countedStore(target: RatelimitRedis, clock: { now: () => number }) {
  const state = { target, calls: 0 };
  const client = {
    evalsha: (...args: unknown[]) => {
      state.calls += 1;
      return (
        state.target as unknown as { evalsha: (...a: unknown[]) => Promise<unknown> }
      ).evalsha(...args);
    },
    eval: (...args: unknown[]) =>
      (state.target as unknown as { eval: (...a: unknown[]) => Promise<unknown> }).eval(...args),
  };
  const store: Store = {
    kind: "redis",
    redis: client as unknown as RatelimitRedis,
    timeoutMs: REDIS_TIMEOUT_MS,
    breaker: new CircuitBreaker({ ...BREAKER, now: clock.now }),
  };
  return { store, state };
}

const fixedWindow = (store: Store, name: string) =>
  new Ratelimit({
    redis: store.redis,
    limiter: Ratelimit.fixedWindow(5, "1 h"),
    prefix: `${process.env.REDIS_KEY_PREFIX}:rl:${run}-${name}`,
    ephemeralCache: false,
    timeout: 0,
    enableTelemetry: false,
  });

describe("the circuit breaker", () => {
  it("opens after 3 failures in a row, lets one probe through after the cooldown, and closes when it succeeds", () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ ...BREAKER, now: clock.now });
    for (let i = 0; i < 2; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.failure();
    }
    expect(breaker.state).toBe("closed");
    breaker.tryAcquire();
    breaker.failure();
    expect(breaker.state).toBe("open");
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.retryInMs()).toBe(BREAKER.cooldownMs);
    clock.advance(BREAKER.cooldownMs - 1);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe("half-open");
    // Only one probe at a time.
    expect(breaker.tryAcquire()).toBe(false);
    breaker.failure();
    expect(breaker.state).toBe("open");
    clock.advance(BREAKER.cooldownMs);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.success();
    expect(breaker.state).toBe("closed");
    expect(breaker.tryAcquire()).toBe(true);
  });

  it("counts failures in a row only: a success in between starts again", () => {
    const breaker = new CircuitBreaker(BREAKER);
    for (const ok of [false, false, true, false, false]) {
      breaker.tryAcquire();
      if (ok) breaker.success();
      else breaker.failure();
    }
    expect(breaker.state).toBe("closed");
  });
});

describe("a Redis nobody listens on (127.0.0.1:1)", () => {
  it("fails the sandbox limiter open, and after 3 failures no request touches Redis", async () => {
    const clock = manualClock();
    const { store, state } = countedStore(redisScripts("redis://127.0.0.1:1"), clock);
    const limiter = ratelimitLimiter(
      { name: `${run}-sandbox`, limit: 1, windowSeconds: 60 },
      store,
    );
    for (let i = 0; i < 3; i++) expect((await limiter.limit("sbx")).success).toBe(true);
    expect(store.breaker.state).toBe("open");
    const reached = state.calls;
    expect(reached).toBe(3);
    for (let i = 0; i < 50; i++) expect((await limiter.limit("sbx")).success).toBe(true);
    expect(state.calls).toBe(reached);
  });
});

describe("a Redis that accepts connections and never answers (blackholed)", () => {
  it("gives up on each call at its budget, then stops calling", async () => {
    const sockets: Socket[] = [];
    const hole = createServer((socket) => sockets.push(socket));
    hole.listen(0, "127.0.0.1");
    await once(hole, "listening");
    const port = (hole.address() as { port: number }).port;
    try {
      const clock = manualClock();
      const { store, state } = countedStore(redisScripts(`redis://127.0.0.1:${port}`), clock);
      const limiter = fixedWindow(store, "hole");
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await callStore(store, () => limiter.limit("x")));
      expect(answers.map((a) => (a.ok ? "ok" : a.why))).toEqual([
        expect.stringMatching(/^(timeout|error)$/),
        expect.stringMatching(/^(timeout|error)$/),
        expect.stringMatching(/^(timeout|error)$/),
        "circuit-open",
        "circuit-open",
        "circuit-open",
      ]);
      expect(state.calls).toBe(3);
    } finally {
      for (const socket of sockets) socket.destroy();
      hole.close();
    }
  });
});

/** Redis goes away and comes back; `back` is the client that answers once it is back. */
function recovers(back: () => RatelimitRedis) {
  it("recovers: the probe after the cooldown reaches the store, succeeds, and counting resumes", async () => {
    const clock = manualClock();
    const { store, state } = countedStore(redisScripts("redis://127.0.0.1:1"), clock);
    const limiter = fixedWindow(store, `back-${randomUUID().slice(0, 6)}`);
    for (let i = 0; i < 3; i++)
      expect((await callStore(store, () => limiter.limit("x"))).ok).toBe(false);
    expect(store.breaker.state).toBe("open");

    state.target = back();
    // Still open: nothing reaches the store that is back, until the cooldown has passed.
    expect(await callStore(store, () => limiter.limit("x"))).toMatchObject({
      ok: false,
      why: "circuit-open",
    });
    expect(state.calls).toBe(3);
    clock.advance(BREAKER.cooldownMs);
    const probe = await callStore(store, () => limiter.limit("x"));
    expect(probe).toMatchObject({ ok: true, value: { success: true, remaining: 4 } });
    expect(store.breaker.state).toBe("closed");
    const rest = [];
    for (let i = 0; i < 5; i++) rest.push(await callStore(store, () => limiter.limit("x")));
    expect(rest.map((a) => a.ok && [a.value.success, a.value.remaining])).toEqual([
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
  });
}

describe("when the in-process store takes over again", () => recovers(memoryRedis));

describe.runIf(redisUrl)("when a real Redis comes back", () => {
  recovers(() => redisScripts(redisUrl ?? ""));

  it("through a connection that drops and returns: fails at once while it is down, resumes when it is back", async () => {
    // A TCP relay to the real Redis that the test stops and starts: Redis itself keeps running.
    const target = new URL(redisUrl ?? "");
    const sockets = new Set<Socket>();
    const relay = (): Server =>
      createServer((client) => {
        const upstream = createConnectionTo(target);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const close = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on("error", close).on("close", close);
        upstream.on("error", close).on("close", close);
      });
    let server = relay();
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const port = (server.address() as { port: number }).port;
    const url = `redis://127.0.0.1:${port}`;
    try {
      const clock = manualClock();
      const { store, state } = countedStore(redisScripts(url), clock);
      const limiter = fixedWindow(store, `relay-${randomUUID().slice(0, 6)}`);
      expect(await callStore(store, () => limiter.limit("x"))).toMatchObject({
        ok: true,
        value: { remaining: 4 },
      });

      // Redis goes away: the relay stops and cuts every connection.
      server.close();
      const lost = once(redisClient(url), "close");
      for (const socket of sockets) socket.destroy();
      await lost;
      const down = [];
      for (let i = 0; i < 5; i++) down.push(await callStore(store, () => limiter.limit("x")));
      expect(down.map((a) => (a.ok ? "ok" : a.why))).toEqual([
        "error",
        "error",
        "error",
        "circuit-open",
        "circuit-open",
      ]);
      expect(state.calls).toBe(4);

      // Redis is back: the client reconnects by itself, and the probe after the cooldown succeeds.
      server = relay();
      server.listen(port, "127.0.0.1");
      await once(server, "listening");
      await once(redisClient(url), "ready");
      clock.advance(BREAKER.cooldownMs);
      expect(await callStore(store, () => limiter.limit("x"))).toMatchObject({
        ok: true,
        value: { success: true, remaining: 3 },
      });
      expect(store.breaker.state).toBe("closed");
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });
});

function createConnectionTo(url: URL): Socket {
  return createConnection(Number(url.port || 6379), url.hostname);
}

describe("each lesson limiter's choice when its store is down (simulate=outage)", () => {
  it("the fixed window fails open: allowed, uncounted, no RateLimit item of its own", async () => {
    const key = await newSandboxKey();
    for (let i = 0; i < 8; i++) {
      const res = await hit(key, "fixed-window", { query: { simulate: "outage" } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        decidedBy: "nobody",
        remaining: null,
        storeDown: "fail-open",
      });
      expect(res.headers.get("ratelimit-policy")).toContain('"fixed-window";q=5;w=10');
      expect(itemOf(res.headers.get("ratelimit"), "fixed-window")).toBeUndefined();
      expect(res.headers.get("server-timing")).toContain(
        "store down: allowed uncounted, fails open (fixed window, store error)",
      );
    }
    // Nothing was counted: the real limiter still has all 5.
    expect(await (await hit(key, "fixed-window")).json()).toMatchObject({ remaining: 4 });
  });

  it("the sliding window fails closed: 503 with Retry-After", async () => {
    const key = await newSandboxKey();
    const res = await hit(key, "sliding-window", { query: { simulate: "outage" } });
    await expectProblem(res, "limiter-unavailable");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get("server-timing")).toContain(
      "store down: refused, fails closed (sliding window, store error)",
    );
  });

  it("the token bucket counts on this instance instead, exact at the edge", async () => {
    const key = await newSandboxKey();
    for (let i = 1; i <= 5; i++) {
      const res = await hit(key, "token-bucket", { query: { simulate: "outage", by: "address" } });
      expect(await res.json()).toMatchObject({ decidedBy: "this-instance", remaining: 5 - i });
    }
    const refused = await hit(key, "token-bucket", {
      query: { simulate: "outage", by: "address" },
    });
    await expectProblem(refused, "rate-limited");
    expect(refused.headers.get("retry-after")).toBe("2");
  });
});
