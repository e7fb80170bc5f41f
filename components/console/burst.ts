import type { PreparedRequest } from "./request";

/** The most requests one burst sends, and the most in flight at once. */
export const MAX_BURST = 200;
export const MAX_CONCURRENCY = 20;

export type CacheVerdict = "HIT" | "MISS" | "STALE";

/** One request of a burst: its status (null when it got no answer), time, and cache verdict. */
export type BurstSample = {
  index: number;
  status: number | null;
  ms: number;
  /** When it finished, in ms since the burst started. */
  at: number;
  cache?: CacheVerdict;
  /** The server instance that answered, when the response names it (X-Served-By). */
  instance?: string;
};

/**
 * Why this request cannot be sent as a burst, or null. A burst only goes to this site's lesson
 * APIs, as the learner's own sandbox (its cookie): never to another site, and never with a key
 * typed into the headers, so it cannot be aimed at anyone else; and every request of it counts
 * against the sandbox's own rate limit.
 */
export function burstRefusal(
  request: PreparedRequest,
  total: number,
  concurrency: number,
): string | null {
  if (!request.url.startsWith("/api/v1/")) {
    return "A burst only goes to this site's lesson APIs (paths starting with /api/v1/).";
  }
  if (request.headers.some(([name]) => name.toLowerCase() === "x-sandbox-key")) {
    return "A burst always runs as your own sandbox, from its cookie: remove the X-Sandbox-Key header.";
  }
  if (!Number.isInteger(total) || total < 1 || total > MAX_BURST) {
    return `Send between 1 and ${MAX_BURST} requests.`;
  }
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    return `Keep between 1 and ${MAX_CONCURRENCY} requests in flight.`;
  }
  return null;
}

/** HIT, MISS or STALE when the response says (X-Cache, or Cache-Status of RFC 9211). */
export function cacheVerdict(headers: Headers): CacheVerdict | undefined {
  const xCache = /\b(HIT|MISS|STALE)\b/i.exec(headers.get("x-cache") ?? "")?.[1];
  if (xCache) return xCache.toUpperCase() as CacheVerdict;
  const status = headers.get("cache-status")?.toLowerCase();
  if (!status) return undefined;
  if (/;\s*hit\b/.test(status)) return "HIT";
  if (/fwd=stale/.test(status)) return "STALE";
  if (/fwd=/.test(status)) return "MISS";
  return undefined;
}

type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Sends `total` copies of `request`, at most `concurrency` at a time, reporting each as it ends.
 * Stops starting new ones once `signal` aborts (those in flight are cancelled too).
 */
export async function runBurst(options: {
  request: PreparedRequest;
  total: number;
  concurrency: number;
  signal: AbortSignal;
  onSample: (sample: BurstSample) => void;
  fetcher?: Fetcher;
  now?: () => number;
}): Promise<BurstSample[]> {
  const { request, total, concurrency, signal, onSample } = options;
  const fetcher = options.fetcher ?? ((url, init) => fetch(url, init));
  const now = options.now ?? (() => performance.now());
  const refusal = burstRefusal(request, total, concurrency);
  if (refusal) throw new Error(refusal);
  const started = now();
  const samples: BurstSample[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total && !signal.aborted) {
      const index = next++;
      const t0 = now();
      let status: number | null = null;
      let cache: CacheVerdict | undefined;
      let instance: string | undefined;
      try {
        const res = await fetcher(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          credentials: "same-origin",
          cache: "no-store",
          signal,
        });
        await res.arrayBuffer();
        status = res.status;
        cache = cacheVerdict(res.headers);
        instance = res.headers.get("x-served-by") ?? undefined;
      } catch {
        // No answer (cancelled, or the network failed): counted as such.
      }
      const end = now();
      const sample: BurstSample = {
        index,
        status,
        ms: end - t0,
        at: end - started,
        cache,
        instance,
      };
      samples.push(sample);
      onSample(sample);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return samples;
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type BurstSummary = {
  sent: number;
  ok: number;
  limited: number;
  failed: number;
  p50?: number;
  p95?: number;
  /** Share of HITs among the answers that named a cache verdict; undefined when none did. */
  hitRatio?: number;
  /** How many answers each instance gave (X-Served-By), most first; empty when none said. */
  instances: { name: string; count: number }[];
};

export function summarizeBurst(samples: readonly BurstSample[]): BurstSummary {
  const answered = samples.filter((s) => s.status !== null);
  const times = answered.map((s) => s.ms).sort((a, b) => a - b);
  const verdicts = samples.filter((s) => s.cache);
  const byInstance = new Map<string, number>();
  for (const { instance } of samples) {
    if (instance) byInstance.set(instance, (byInstance.get(instance) ?? 0) + 1);
  }
  return {
    sent: samples.length,
    ok: answered.filter((s) => (s.status ?? 0) < 400).length,
    limited: answered.filter((s) => s.status === 429).length,
    failed: samples.filter((s) => s.status === null || (s.status >= 400 && s.status !== 429))
      .length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    hitRatio: verdicts.length
      ? verdicts.filter((s) => s.cache === "HIT").length / verdicts.length
      : undefined,
    instances: [...byInstance]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
