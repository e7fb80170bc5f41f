import { GET } from "@/app/api/v1/(rate-limiting)/limits/[algorithm]/route";
import type { Algorithm } from "@/lib/rate-limiting/contract";
import { call } from "../harness";

export type LimitOptions = { query?: Record<string, string>; headers?: Record<string, string> };

/** One request to a lesson limiter, through its route handler, as the sandbox `key`. */
export function hit(key: string, algorithm: Algorithm, options: LimitOptions = {}) {
  return call(GET, `/api/v1/limits/${algorithm}`, { algorithm }, { key, ...options });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits, when the clock is within `marginMs` of the end of a `windowSeconds` window, for the next
 * one to start: a burst of a few requests then stays inside one clock-aligned window.
 */
export async function awayFromWindowEdge(windowSeconds: number, marginMs = 2000) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await sleep(left + 20);
}

/** The `"name";r=…;t=…` item of a RateLimit field, as numbers. */
export function itemOf(field: string | null, name: string) {
  const match = new RegExp(`"${name}";r=(\\d+);t=(\\d+)`).exec(field ?? "");
  return match ? { r: Number(match[1]), t: Number(match[2]) } : undefined;
}
