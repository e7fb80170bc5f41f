import { describe, expect, it } from "vitest";
import {
  burstRefusal,
  cacheVerdict,
  MAX_BURST,
  MAX_CONCURRENCY,
  runBurst,
  summarizeBurst,
} from "@/components/console/burst";
import type { PreparedRequest } from "@/components/console/request";

const get = (url: string, headers: [string, string][] = []): PreparedRequest => ({
  method: "GET",
  url,
  headers,
  body: null,
});

/** A fake server: answers 200 to the first `allow` requests and 429 after, one tick later. */
function server(allow: number, headers: Record<string, string> = {}) {
  let inFlight = 0;
  let most = 0;
  let seen = 0;
  const urls: string[] = [];
  const fetcher = async (url: string, init: RequestInit) => {
    urls.push(url);
    expect(init.credentials).toBe("same-origin");
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight -= 1;
    seen += 1;
    return new Response("{}", { status: seen <= allow ? 200 : 429, headers });
  };
  return { fetcher, most: () => most, urls };
}

describe("a console burst", () => {
  it("sends exactly N, never more than the chosen number at once, and reports each", async () => {
    const fake = server(5);
    const reported: number[] = [];
    const samples = await runBurst({
      request: get("/api/v1/limits/fixed-window"),
      total: 12,
      concurrency: 3,
      signal: new AbortController().signal,
      onSample: (s) => reported.push(s.index),
      fetcher: fake.fetcher,
    });
    expect(samples).toHaveLength(12);
    expect(reported.sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    expect(fake.most()).toBe(3);
    expect(summarizeBurst(samples)).toMatchObject({ sent: 12, ok: 5, limited: 7, failed: 0 });
  });

  it("stops starting requests once stopped", async () => {
    const fake = server(100);
    const controller = new AbortController();
    const samples = await runBurst({
      request: get("/api/v1/todos"),
      total: 50,
      concurrency: 2,
      signal: controller.signal,
      onSample: (s) => {
        if (s.index === 3) controller.abort();
      },
      fetcher: fake.fetcher,
    });
    expect(fake.urls.length).toBeLessThan(50);
    expect(samples.length).toBe(fake.urls.length);
  });

  it("is bounded: this site's lesson APIs only, as your own sandbox, at most 200 and 20 at once", async () => {
    expect(burstRefusal(get("/api/v1/todos"), MAX_BURST, MAX_CONCURRENCY)).toBeNull();
    expect(burstRefusal(get("https://example.com/api/v1/todos"), 10, 2)).toMatch(/lesson APIs/);
    expect(burstRefusal(get("//example.com/api/v1/x"), 10, 2)).toMatch(/lesson APIs/);
    expect(burstRefusal(get("/api/sandbox"), 10, 2)).toMatch(/lesson APIs/);
    expect(burstRefusal(get("/api/v1/todos", [["X-Sandbox-Key", "sbx_x"]]), 10, 2)).toMatch(
      /your own sandbox/,
    );
    expect(burstRefusal(get("/api/v1/todos"), MAX_BURST + 1, 2)).toMatch(/between 1 and 200/);
    expect(burstRefusal(get("/api/v1/todos"), 0, 2)).toMatch(/between 1 and 200/);
    expect(burstRefusal(get("/api/v1/todos"), 10, MAX_CONCURRENCY + 1)).toMatch(/between 1 and 20/);
    await expect(
      runBurst({
        request: get("https://example.com/api/v1/x"),
        total: 1,
        concurrency: 1,
        signal: new AbortController().signal,
        onSample: () => {},
        fetcher: server(1).fetcher,
      }),
    ).rejects.toThrow(/lesson APIs/);
  });

  it("reads p50/p95 by nearest rank and the cache HIT ratio where responses name one", () => {
    const samples = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((ms, index) => ({
      index,
      status: 200,
      ms,
      at: ms,
      cache: index < 7 ? ("HIT" as const) : ("MISS" as const),
    }));
    expect(summarizeBurst(samples)).toMatchObject({ p50: 50, p95: 100, hitRatio: 0.7 });
    expect(summarizeBurst([{ index: 0, status: null, ms: 5, at: 5 }])).toMatchObject({
      failed: 1,
      p50: undefined,
      hitRatio: undefined,
    });
    expect(cacheVerdict(new Headers({ "x-cache": "hit" }))).toBe("HIT");
    expect(cacheVerdict(new Headers({ "cache-status": "bmj; hit" }))).toBe("HIT");
    expect(cacheVerdict(new Headers({ "cache-status": "bmj; fwd=stale" }))).toBe("STALE");
    expect(cacheVerdict(new Headers({ "cache-status": "bmj; fwd=miss; stored" }))).toBe("MISS");
    expect(cacheVerdict(new Headers())).toBeUndefined();
  });
});
