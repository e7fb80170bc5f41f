import { GET } from "@/app/api/v1/(rate-limiting)/limits/[algorithm]/route";
import type { Algorithm } from "@/lib/rate-limiting/contract";
import { call } from "../harness";

export type LimitOptions = { query?: Record<string, string>; headers?: Record<string, string> };

/** One request to a lesson limiter, through its route handler, as the sandbox `key`. */
export function hit(key: string, algorithm: Algorithm, options: LimitOptions = {}) {
  return call(GET, `/api/v1/limits/${algorithm}`, { algorithm }, { key, ...options });
}

/** The `"name";r=…;t=…` item of a RateLimit field, as numbers. */
export function itemOf(field: string | null, name: string) {
  const match = new RegExp(`"${name}";r=(\\d+);t=(\\d+)`).exec(field ?? "");
  return match ? { r: Number(match[1]), t: Number(match[2]) } : undefined;
}
