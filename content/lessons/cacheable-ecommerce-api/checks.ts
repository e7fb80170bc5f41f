import { isCatalogRead, verdictOf } from "@/content/lessons/caching-with-redis/checks";
import type { RequestLogEntry } from "@/db/schema/sandboxes";
import { type Check, requested, requestedInOrder } from "@/lib/lessons/checks";

const PRODUCT = /^\/api\/v1\/shop\/products\/\d+$/;
/** Reads of one URL it takes to measure a HIT ratio, and the ratio the cache should reach. */
export const BURST = { reads: 20, ratio: 0.9 } as const;

/** Whether some URL was read at least BURST.reads times in a row with a HIT ratio ≥ BURST.ratio. */
function measuredHitRatio(log: readonly RequestLogEntry[]): boolean {
  const byUrl = new Map<string, string[]>();
  for (const entry of log) {
    if (!isCatalogRead(entry)) continue;
    const verdicts = byUrl.get(entry.path) ?? [];
    verdicts.push(verdictOf(entry) ?? "");
    byUrl.set(entry.path, verdicts);
  }
  return [...byUrl.values()].some((verdicts) => {
    for (let i = 0; i + BURST.reads <= verdicts.length; i += 1) {
      const hits = verdicts.slice(i, i + BURST.reads).filter((v) => v === "HIT").length;
      if (hits >= BURST.ratio * BURST.reads) return true;
    }
    return false;
  });
}

/** What "Check my work" looks for in your sandbox's request log after the mini-project. */
export const checks: Check[] = [
  requestedInOrder(
    {
      id: "order-invalidated",
      title: "An order took stock, and the next read of a product came from the database",
      hint: "Read a product twice (the second is a HIT), order one of it, then read it again.",
    },
    { method: "POST", path: "/api/v1/shop/orders", status: 201, spans: ["stock", "cache"] },
    { method: "GET", path: PRODUCT, status: 200, spans: ["cache", "db"] },
  ),
  requested(
    {
      id: "revalidated-changed",
      title: "A conditional read found the product changed: 200 with the new version, not 304",
      hint: "Keep a product's ETag, change the product (an order, or the admin), then send If-None-Match with the old ETag.",
    },
    { method: "GET", path: PRODUCT, status: 200, sent: ["if-none-match"], spans: ["db"] },
  ),
  {
    id: "hit-ratio",
    title: `A burst of ${BURST.reads} reads of one URL was at least ${BURST.ratio * 100}% HITs`,
    hint: "Under a catalog read's console, open Send a burst and send 20 or more.",
    test: ({ log }) => measuredHitRatio(log),
  },
  {
    id: "saw-stale",
    title: "A read was served STALE while the cache refreshed it",
    hint: "Read a product, wait more than 30 seconds (and less than 90) without changing anything, then read it again.",
    test: ({ log }) => log.some((e) => isCatalogRead(e) && verdictOf(e) === "STALE"),
  },
];
