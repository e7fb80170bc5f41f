import type { RequestLogEntry } from "@/db/schema/sandboxes";
import { type Check, requested } from "@/lib/lessons/checks";

const LIMITS = /^\/api\/v1\/limits\/(fixed-window|sliding-window|token-bucket)$/;
const pathOf = (entry: RequestLogEntry) => new URL(entry.path, "http://log.invalid").pathname;

const refusedBy = (algorithm: string, words: string): Check =>
  requested(
    {
      id: `refused-${algorithm}`,
      title: `The ${words} refused you with 429`,
      hint: `Send to /api/v1/limits/${algorithm} until it says no. The console's Send button is fast enough.`,
    },
    { method: "GET", path: `/api/v1/limits/${algorithm}`, status: 429, spans: ["limit"] },
  );

/** Seconds the limiter asked for, from its span ("…, retry in 7 s"). */
function retryAfterOf(entry: RequestLogEntry): number | undefined {
  const desc = entry.spans.find((span) => span.name === "limit")?.desc ?? "";
  const seconds = /retry in (\d+) s/.exec(desc)?.[1];
  return seconds === undefined ? undefined : Number(seconds);
}

/** What "Check my work" looks for in your sandbox's request log after this lesson. */
export const checks: Check[] = [
  refusedBy("fixed-window", "fixed window"),
  refusedBy("sliding-window", "sliding window"),
  refusedBy("token-bucket", "token bucket"),
  {
    id: "honored-retry-after",
    title: "After a 429 you waited as long as Retry-After said, and the next request went through",
    hint: "Get a 429 from a limiter, read its Retry-After, wait that long without sending to it, then send once more.",
    test: ({ log }) => {
      const oldestFirst = [...log].reverse();
      return oldestFirst.some((refused, i) => {
        const wait = refused.status === 429 ? retryAfterOf(refused) : undefined;
        if (wait === undefined || !LIMITS.test(pathOf(refused))) return false;
        // The next request to the same limiter: a client that honors Retry-After sends none before.
        const next = oldestFirst.slice(i + 1).find((e) => pathOf(e) === pathOf(refused));
        if (next?.status !== 200) return false;
        // Retry-After is rounded up to whole seconds; the log's clock has its own few ms.
        const waited = next.createdAt.getTime() - refused.createdAt.getTime();
        return waited >= Math.max(0, wait - 1) * 1000;
      });
    },
  },
  requested(
    {
      id: "failed-closed",
      title: "You saw a limiter fail closed when its store was down",
      hint: "One of the three limiters refuses requests when Redis does not answer. Simulate the outage on it.",
    },
    {
      method: "GET",
      path: "/api/v1/limits/sliding-window",
      query: { simulate: "outage" },
      status: 503,
    },
  ),
];
