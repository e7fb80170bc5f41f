import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { env } from "@/lib/env";

/** What a dependency answered: nothing more (no host, version or error text leaves the server). */
export type DependencyState = "up" | "down" | "not configured" | "not checked";

export type Health = {
  status: "ok" | "degraded" | "unavailable";
  postgres: "up" | "down";
  redis: DependencyState;
};

/** Long enough for a busy database, short enough that a balancer's probe never piles up. */
const PROBE_TIMEOUT_MS = 1_000;

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(check: () => Promise<unknown>): Promise<"up" | "down"> {
  try {
    await within(PROBE_TIMEOUT_MS, check());
    return "up";
  } catch {
    return "down";
  }
}

async function postgres(): Promise<"up" | "down"> {
  return probe(async () => (await getDb()).execute(sql`select 1`));
}

async function redis(): Promise<DependencyState> {
  const { REDIS_URL, UPSTASH_REDIS_REST_URL } = env();
  // Upstash is a service over HTTPS with its own availability; a probe per check would be billed.
  if (UPSTASH_REDIS_REST_URL) return "not checked";
  if (!REDIS_URL) return "not configured";
  const { redisClient } = await import("@/lib/rate-limit/redis");
  return probe(() => redisClient(REDIS_URL).ping());
}

/**
 * Can this instance serve? Postgres holds every sandbox, so without it nothing works (unavailable:
 * a balancer should send elsewhere). Redis only holds rate-limit counters, which fail open or
 * closed on their own when it is gone (lib/rate-limit/store.ts), so without it the instance still
 * serves (degraded).
 */
export async function checkHealth(): Promise<Health> {
  const [pg, rd] = await Promise.all([postgres(), redis()]);
  const status = pg === "down" ? "unavailable" : rd === "down" ? "degraded" : "ok";
  return { status, postgres: pg, redis: rd };
}
