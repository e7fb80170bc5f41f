import { createHash } from "node:crypto";
import { Redis as IORedis } from "ioredis";
import { logger } from "@/lib/logger";
import { ratelimitLimiter } from "./remote";
import {
  breakerFor,
  cachedStore,
  type RatelimitRedis,
  REDIS_TIMEOUT_MS,
  type Store,
} from "./store";
import type { Limiter, LimitRule } from "./types";

// One client per Redis URL per process, kept on globalThis so hot reloads and Next's separate
// bundles share it instead of each opening connections.
const globalForRedis = globalThis as unknown as { bmjRedis?: Map<string, IORedis> };

function connect(url: string): IORedis {
  const client = new IORedis(url, {
    lazyConnect: false,
    // The limiter's own budget (REDIS_TIMEOUT_MS, lib/rate-limit/store.ts) bounds how long a
    // request waits; these only bound how long a command the request gave up on lingers: one
    // reconnect at most, and a second.
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 1_000,
  });
  // ioredis reconnects by itself and reports each failed attempt: log once per outage.
  let healthy = true;
  client.on("ready", () => {
    if (!healthy) logger.info({ store: "redis" }, "redis reachable again");
    healthy = true;
  });
  client.on("error", (error: unknown) => {
    if (healthy) logger.error({ err: error, store: "redis" }, "redis connection failed");
    healthy = false;
  });
  return client;
}

/** The process's shared ioredis client for `url`, connecting on first use. */
export function redisClient(url: string): IORedis {
  globalForRedis.bmjRedis ??= new Map();
  let client = globalForRedis.bmjRedis.get(url);
  if (!client) {
    client = connect(url);
    globalForRedis.bmjRedis.set(url, client);
  }
  return client;
}

/** Closes every shared client (tests, graceful shutdown). */
export async function closeRedisClients(): Promise<void> {
  const clients = [...(globalForRedis.bmjRedis?.values() ?? [])];
  globalForRedis.bmjRedis?.clear();
  await Promise.all(
    clients.map(async (client) => {
      // QUIT needs a live connection; a client still retrying is simply dropped.
      if (client.status === "ready") await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    }),
  );
}

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`, a flag only Upstash
 * knows: Redis 7 rejects the script ("Unexpected flag in script shebang") and Redis 6 cannot parse
 * a shebang at all. Without the line they are plain EVAL scripts every Redis version runs.
 */
function withoutShebang(script: string): string {
  return script.startsWith("#!") ? script.slice(script.indexOf("\n") + 1) : script;
}

/**
 * The part of @upstash/redis's `Redis` that @upstash/ratelimit's sliding window calls: `evalsha`,
 * then `eval` when the answer is NOSCRIPT. Since the scripts are rewritten, the library's hashes
 * are mapped to the hashes of what Redis actually runs.
 */
class ScriptAdapter {
  private readonly scripts = new Map<string, { body: string; sha: string }>();
  private wasReady = false;

  constructor(private readonly client: IORedis) {
    client.on("ready", () => {
      this.wasReady = true;
    });
  }

  /**
   * A client that was connected and lost its connection is reconnecting: a command now would sit
   * in the offline queue until it times out, so it fails at once. Before the first connection
   * (at start) commands do wait in the queue, within their timeout, for the connection to open.
   */
  private checkConnected(): void {
    if (this.wasReady && this.client.status !== "ready") {
      throw new Error(`redis is not connected (${this.client.status})`);
    }
  }

  async evalsha(libraryHash: string, keys: string[], args: unknown[]): Promise<unknown> {
    const script = this.scripts.get(libraryHash);
    // The library answers NOSCRIPT by sending the script itself, which `eval` learns below.
    if (!script) throw new Error("NOSCRIPT this script has not been seen yet");
    return this.run(script, keys, args);
  }

  async eval(source: string, keys: string[], args: unknown[]): Promise<unknown> {
    const body = withoutShebang(source);
    const script = { body, sha: sha1(body) };
    this.scripts.set(sha1(source), script);
    return this.run(script, keys, args);
  }

  private async run(
    script: { body: string; sha: string },
    keys: string[],
    args: unknown[],
  ): Promise<unknown> {
    this.checkConnected();
    const argv = args.map(String);
    try {
      return await this.client.evalsha(script.sha, keys.length, ...keys, ...argv);
    } catch (error) {
      // Redis forgets scripts on restart or SCRIPT FLUSH; EVAL loads it again.
      if (!String(error).includes("NOSCRIPT")) throw error;
      return await this.client.eval(script.body, keys.length, ...keys, ...argv);
    }
  }
}

/** The part of a Redis client @upstash/ratelimit calls, on the shared ioredis client for `url`. */
export function redisScripts(url: string): RatelimitRedis {
  // The library's type asks for @upstash/redis's whole client, but with dynamic limits and
  // protection off it only ever calls evalsha and eval, which the adapter implements.
  return new ScriptAdapter(redisClient(url)) as unknown as RatelimitRedis;
}

/** A real Redis at `url` as a rate-limit store: its script adapter, budget and breaker. */
export function redisStore(url: string): Store {
  return cachedStore(`redis:${url}`, () => ({
    kind: "redis",
    redis: redisScripts(url),
    timeoutMs: REDIS_TIMEOUT_MS,
    breaker: breakerFor(`redis:${url}`),
  }));
}

/** A sliding-window limiter on a real Redis (REDIS_URL: local, CI, any Redis-compatible server). */
export function redisLimiter(rule: LimitRule, url: string): Limiter {
  return ratelimitLimiter(rule, redisStore(url));
}
