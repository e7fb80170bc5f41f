import type { RequestLogEntry } from "@/db/schema/sandboxes";
import { type Check, matches, requested, requestedInOrder } from "@/lib/lessons/checks";

/** The shop's catalog reads, which go through the cache. */
export const CATALOG = /^\/api\/v1\/shop\/(products(\/\d+)?|categories)$/;
const PRODUCT_WRITE = /^\/api\/v1\/shop\/products(\/\d+)?$/;

/** The verdict a logged read's `cache` span gave: HIT, MISS or STALE. */
export function verdictOf(entry: RequestLogEntry): string | undefined {
  const desc = entry.spans.find((span) => span.name === "cache")?.desc ?? "";
  return /^(HIT|MISS|STALE)\b/.exec(desc)?.[1];
}

export const isCatalogRead = (entry: RequestLogEntry) =>
  matches(entry, { method: "GET", path: CATALOG, status: [200, 304], spans: ["cache"] });

/** What "Check my work" looks for in your sandbox's request log after this lesson. */
export const checks: Check[] = [
  {
    id: "saw-hit",
    title: "A catalog read was a cache HIT that never touched the database",
    hint: "Send the same catalog read twice within 30 seconds, and compare the two timelines.",
    test: ({ log }) =>
      log.some(
        (e) => isCatalogRead(e) && verdictOf(e) === "HIT" && !e.spans.some((s) => s.name === "db"),
      ),
  },
  requested(
    {
      id: "revalidated",
      title: "You revalidated a copy with If-None-Match and got 304 Not Modified",
      hint: "Read a catalog endpoint, copy its ETag, and send the same read with that ETag in If-None-Match.",
    },
    { method: "GET", path: CATALOG, status: 304, sent: ["if-none-match"] },
  ),
  requestedInOrder(
    {
      id: "invalidated",
      title: "A write to the catalog emptied the cache: the next read was a MISS",
      hint: "As the admin, change a product (PATCH) or add one, then read the catalog again.",
    },
    { method: ["PATCH", "POST"], path: PRODUCT_WRITE, status: [200, 201], spans: ["cache"] },
    { method: "GET", path: CATALOG, status: 200, spans: ["cache", "db"] },
  ),
  requested(
    {
      id: "stampede-collapsed",
      title: "Concurrent misses of one read waited for one database read (single-flight)",
      hint: "Empty the cache with a write, then burst 20 copies of one catalog read, all 20 at once.",
    },
    { method: "GET", path: CATALOG, status: 200, spans: ["cache", "wait"], withoutSpans: ["db"] },
  ),
];
