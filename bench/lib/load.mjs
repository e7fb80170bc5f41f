// Load (autocannon) and a one-at-a-time probe that reads Server-Timing.
import autocannon from "autocannon";

let current;

/** Stops the load in flight, if any (SIGINT). */
export function stopLoad() {
  current?.stop();
}

/** One autocannon run; resolves with its summary. */
export function runLoad({ url, method = "GET", headers = {}, body, seconds, ...options }) {
  return new Promise((resolve, reject) => {
    current = autocannon(
      { url, method, headers, body, duration: seconds, pipelining: 1, timeout: 10, ...options },
      (error, result) => {
        current = undefined;
        if (error) reject(error);
        else resolve(result);
      },
    );
  });
}

export function summarize(result) {
  return {
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

export function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round2 = (n) => (n === undefined ? undefined : Math.round(n * 100) / 100);

/** Median and p99 of each named span across samples (`[{ name: dur, … }]`). */
export function spanStats(samples) {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s)))];
  return Object.fromEntries(
    names.map((name) => {
      const values = samples.map((s) => s[name]).filter((v) => v !== undefined);
      return [name, { p50: round2(median(values)), p99: round2(percentile(values, 99)) }];
    }),
  );
}

function parseServerTiming(header) {
  const spans = {};
  for (const match of (header ?? "").matchAll(/([\w-]+);dur=([\d.]+)/g)) {
    spans[match[1]] = Number(match[2]);
  }
  return spans;
}

/**
 * Sends `count` requests one after another (no load) and returns the Server-Timing spans the
 * server reported and the latency the client saw, so the steps can be read without queueing.
 */
export async function probeServerTiming({ url, init, count }) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const res = await fetch(url, init);
    const text = await res.text();
    const client = performance.now() - start;
    if (!res.ok)
      throw new Error(`probe ${init?.method ?? "GET"} ${url} answered ${res.status}: ${text}`);
    samples.push({ ...parseServerTiming(res.headers.get("server-timing")), client });
  }
  return spanStats(samples);
}
