import { after } from "next/server";
import { env } from "@/lib/env";
import { etagOf } from "@/lib/http/etag";
import type { Timing } from "@/lib/http/timing";
import { logger } from "@/lib/logger";
import { type CacheStore, cacheStore, callCache } from "./store";

/** How long a cached answer is served as it is (fresh), then served while refreshed (stale). */
export const FRESH_MS = 30_000;
export const STALE_MS = 60_000;

export type Verdict = "HIT" | "MISS" | "STALE";

/** What the cache keeps for one answer: its exact bytes, their ETag, and when they were read. */
export type Entry = { body: string; etag: string; at: number; total?: number };

export type Cached = {
  entry: Entry;
  verdict: Verdict;
  /** Seconds of freshness left (negative: stale by that much). */
  ttl: number;
  /** Whether the answer was written to the cache (false while Redis is unreachable). */
  stored: boolean;
  /** Whether this request waited for another request's database read (here or on another server) instead of its own. */
  collapsed: boolean;
  storeDown: boolean;
};

// #region key
/**
 * One Redis hash per sandbox for its whole catalog, one field per answer. The sandbox id is in
 * the key, so no request can ever be answered from another sandbox's cache, and one DEL empties
 * the sandbox's catalog (every page, every filter) when anything in it changes.
 */
export const catalogKey = (sandboxId: string) =>
  `${env().REDIS_KEY_PREFIX}:cache:${sandboxId}:catalog`;
// #endregion

/** The answer's representation, as it will be sent and cached. */
export function represent(data: unknown, total?: number): Omit<Entry, "at"> {
  const body = JSON.stringify(data);
  return { body, etag: etagOf(body), total };
}

const globalForFlights = globalThis as unknown as {
  bmjCache?: {
    flights: Map<string, Promise<Flight>>;
    epochs: Map<string, number>;
    pendingDeletes: Set<string>;
  };
};
/** A read's answer; `peer` when another server read it and this one took it from the cache. */
type Flight = { entry: Entry; stored: boolean; peer?: boolean };
globalForFlights.bmjCache ??= { flights: new Map(), epochs: new Map(), pendingDeletes: new Set() };
/**
 * Reads in flight, by key and field; invalidations per sandbox in this process (a read that
 * began before one must not store); keys whose DEL failed, deleted before they are read again.
 */
const { flights, epochs, pendingDeletes } = globalForFlights.bmjCache;

const epochOf = (sandboxId: string) => epochs.get(sandboxId) ?? 0;

/** Every background refresh and read in flight, settled (tests, shutdown). */
export async function flightsSettled(): Promise<void> {
  await Promise.allSettled([...flights.values()]);
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Times a step whose span is described once its outcome is known (HIT, MISS, …). */
async function timed<T>(timing: Timing, step: () => Promise<T>) {
  const start = timing.elapsed();
  const result = await step();
  const end = timing.elapsed();
  return {
    result,
    record: (desc: string) =>
      timing.spans.push({ name: "cache", desc, start: round(start), dur: round(end - start) }),
  };
}

function inBackground(work: Promise<unknown>): void {
  const quiet = work.catch((error) => logger.error({ err: error }, "cache refresh failed"));
  try {
    // Serverless platforms keep the function alive until it is done.
    after(quiet);
  } catch {
    // Outside a request (tests, scripts) it simply runs on.
  }
}

type Read = {
  timing: Timing;
  sandboxId: string;
  /** Which answer: `products?page=1&limit=20…`, `product:7`, `categories`. */
  field: string;
  /** What the database span says it does. */
  dbStep: string;
  load: () => Promise<Omit<Entry, "at">>;
  store?: CacheStore;
  /** This server's reads in flight (tests give a second "server" its own). */
  flights?: Map<string, Promise<Flight>>;
};

/** How long a loader holds a key's lock: one that dies frees it after this. */
export const LOCK_MS = 2_000;
/** How often a server waiting for another server's read looks for its answer. */
const PEER_POLL_MS = 20;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// #region single-flight
/**
 * One database read per key at a time, in all servers: concurrent misses of one key in this
 * process wait for the first one's read (a promise they share); that read first takes the key's
 * lock in Redis (SET NX PX), and a server that finds it taken waits for the other server's answer
 * to appear in the cache instead of reading the database too.
 */
function readThrough(read: Read, store: CacheStore, storeUp: boolean, timing?: Timing) {
  const inFlight = read.flights ?? flights;
  const key = catalogKey(read.sandboxId);
  const flight = `${key}\n${read.field}`;
  const joined = inFlight.get(flight);
  if (joined) return { promise: joined, collapsed: true };
  const epoch = epochOf(read.sandboxId);
  const promise = (async (): Promise<Flight> => {
    const lock = `${key}:loading:${read.field}`;
    const token = crypto.randomUUID();
    let held = false;
    if (storeUp) {
      const claim = await callCache(store, (c) => c.claim(lock, token, LOCK_MS));
      held = claim.ok && claim.value;
      if (claim.ok && !claim.value) {
        const wait = () => fromPeer(read, store, key, lock, token);
        const peer = timing
          ? await timing.span("wait", "Waited for another server's database read", wait)
          : await wait();
        if (peer.entry) return { entry: peer.entry, stored: true, peer: true };
        held = peer.held;
      }
      // Double-checked: this miss may have looked before another read stored its answer and let
      // the lock go. The lock is ours now, so an answer stored before it was freed is there.
      if (held) {
        const stored = await freshAnswer(store, key, read.field);
        if (stored) {
          await callCache(store, (c) => c.release(lock, token));
          return { entry: stored, stored: true, peer: true };
        }
      }
    }
    try {
      const at = Date.now();
      const loaded = timing ? await timing.span("db", read.dbStep, read.load) : await read.load();
      const entry = { ...loaded, at };
      // A write that invalidated the catalog meanwhile: this answer may predate it, keep it out.
      const fresh = storeUp && epochOf(read.sandboxId) === epoch;
      const ttl = FRESH_MS + STALE_MS;
      const set = fresh
        ? await callCache(store, (c) => c.hset(key, read.field, JSON.stringify(entry), ttl))
        : undefined;
      return { entry, stored: set?.ok ?? false };
    } finally {
      if (held) await callCache(store, (c) => c.release(lock, token));
    }
  })().finally(() => inFlight.delete(flight));
  inFlight.set(flight, promise);
  return { promise, collapsed: false };
}

/**
 * Another server holds the key's lock: look for its answer until it appears, or until the lock is
 * free (that server gave up or died: this one takes the lock and reads).
 */
async function fromPeer(
  read: Read,
  store: CacheStore,
  key: string,
  lock: string,
  token: string,
): Promise<{ entry?: Entry; held: boolean }> {
  const until = Date.now() + LOCK_MS + PEER_POLL_MS;
  while (Date.now() < until) {
    await pause(PEER_POLL_MS);
    const got = await freshAnswer(store, key, read.field);
    if (got === null) break;
    if (got) return { entry: got, held: false };
    const claim = await callCache(store, (c) => c.claim(lock, token, LOCK_MS));
    if (!claim.ok) break;
    if (claim.value) return { held: true };
  }
  return { held: false };
}
/**
 * The stored answer if it is fresh (a stale one being refreshed will not do); `undefined` if there
 * is none, `null` if the store did not answer.
 */
async function freshAnswer(
  store: CacheStore,
  key: string,
  field: string,
): Promise<Entry | undefined | null> {
  const got = await callCache(store, (c) => c.hget(key, field));
  if (!got.ok) return null;
  if (got.value === null) return undefined;
  const entry = JSON.parse(got.value) as Entry;
  return Date.now() - entry.at < FRESH_MS ? entry : undefined;
}
// #endregion

// #region cache-aside
/**
 * Cache-aside with stale-while-revalidate: look in Redis first. A fresh answer is a HIT
 * (no database); a stale one is served at once (STALE) while one background read
 * refreshes it; none is a MISS, read from the database and stored. With Redis
 * unreachable, reads go to the database, fast: the store's budget and circuit breaker
 * bound the wait.
 */
export async function cacheAside(read: Read): Promise<Cached> {
  const { timing, field } = read;
  const store = read.store ?? (await cacheStore());
  const key = catalogKey(read.sandboxId);
  const { result: looked, record } = await timed(timing, async () => {
    if (pendingDeletes.has(key)) {
      const deleted = await callCache(store, (c) => c.del(key));
      if (!deleted.ok) return deleted;
      pendingDeletes.delete(key);
    }
    return callCache(store, (c) => c.hget(key, field));
  });
  const now = Date.now();
  if (looked.ok && looked.value !== null) {
    const entry = JSON.parse(looked.value) as Entry;
    const age = now - entry.at;
    const ttl = Math.round((FRESH_MS - age) / 1000);
    const cached = { entry, ttl, stored: true, collapsed: false, storeDown: false };
    const seconds = `${Math.round(age / 1000)} s old`;
    if (age < FRESH_MS) {
      record(`HIT in ${store.kind}, ${seconds}: ${field}`);
      return { ...cached, verdict: "HIT" };
    }
    if (age < FRESH_MS + STALE_MS) {
      record(`STALE in ${store.kind}, ${seconds}: served, refreshing in the background: ${field}`);
      inBackground(readThrough(read, store, true).promise);
      return { ...cached, verdict: "STALE" };
    }
  }
  record(
    looked.ok
      ? `MISS in ${store.kind}: ${field}`
      : `MISS: ${store.kind} unavailable (${looked.why}), reading the database: ${field}`,
  );
  const { promise, collapsed } = readThrough(read, store, looked.ok, timing);
  const { entry, stored, peer } = collapsed
    ? await timing.span("wait", "Waited for the same database read, in flight", () => promise)
    : await promise;
  return {
    entry,
    verdict: "MISS",
    ttl: Math.round(FRESH_MS / 1000),
    stored,
    collapsed: collapsed || peer === true,
    storeDown: !looked.ok,
  };
}
// #endregion

// #region invalidate
/**
 * After a write to the catalog commits: its cached answers are wrong now, all of them (a price
 * shows on pages, a stock in the inStock filter, activity in category counts). One DEL.
 */
export async function invalidateCatalog({
  sandboxId,
  timing,
  store: given,
}: {
  sandboxId: string;
  timing?: Timing;
  store?: CacheStore;
}): Promise<void> {
  epochs.set(sandboxId, epochOf(sandboxId) + 1);
  const store = given ?? (await cacheStore());
  const key = catalogKey(sandboxId);
  const del = () => callCache(store, (c) => c.del(key));
  let answer: Awaited<ReturnType<typeof del>>;
  if (timing) {
    const { result, record } = await timed(timing, del);
    answer = result;
    record(
      result.ok
        ? `DEL your catalog in ${store.kind}: invalidated`
        : `${store.kind} unavailable (${result.why}): DEL before the next read`,
    );
  } else {
    answer = await del();
  }
  // Redis unreachable: delete before the next read of this key that reaches it.
  if (!answer.ok) pendingDeletes.add(key);
}
// #endregion
