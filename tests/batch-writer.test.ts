import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BatchWriter,
  type BatchWriterOptions,
  type DropReason,
  reportEvery,
} from "@/lib/sandbox/batch-writer";

/** A write the test lets finish (or fail) when it wants: the database, slow or away. */
function gatedWrites() {
  const writes: number[][] = [];
  const gates: Array<{ open: () => void; fail: (error: Error) => void }> = [];
  const write = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push([...items]);
      gates.push({ open: resolve, fail: reject });
    });
  /** Lets the oldest write still waiting finish. */
  const finish = async () => {
    const gate = gates.shift();
    if (!gate) throw new Error("no write is waiting");
    gate.open();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { writes, gates, write, finish };
}

function writer(
  options: Partial<BatchWriterOptions<number>> & Pick<BatchWriterOptions<number>, "write">,
) {
  const drops: Array<{ count: number; reason: DropReason }> = [];
  const w = new BatchWriter<number>({
    maxQueued: 100,
    maxBatch: 10,
    minIntervalMs: 50,
    retryForMs: 1000,
    onDrop: (count, reason) => drops.push({ count, reason }),
    ...options,
  });
  return { w, drops };
}

describe("BatchWriter", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes a lone item at once, and what arrives during a write together in the next, one interval later", async () => {
    vi.useFakeTimers();
    const db = gatedWrites();
    const { w } = writer({ write: db.write });
    const first = w.add(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(db.writes).toEqual([[1]]);
    const during = [2, 3, 4].map((n) => w.add(n));
    await vi.advanceTimersByTimeAsync(0);
    expect(db.writes).toHaveLength(1); // one write at a time
    await db.finish();
    await expect(first).resolves.toBeUndefined();
    // Items were waiting when it ended (load): the next write waits out the interval.
    await vi.advanceTimersByTimeAsync(49);
    expect(db.writes).toHaveLength(1);
    w.add(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(db.writes).toEqual([[1], [2, 3, 4, 5]]);
    await db.finish();
    await Promise.all(during);
    expect(w.stats()).toMatchObject({ queued: 0, written: 5, writes: 2, dropped: 0 });
    // Idle again: the next lone item goes at once.
    w.add(6);
    await vi.advanceTimersByTimeAsync(0);
    expect(db.writes.at(-1)).toEqual([6]);
  });

  it("puts at most maxBatch items in one write", async () => {
    vi.useFakeTimers();
    const db = gatedWrites();
    const { w } = writer({ write: db.write, maxBatch: 3 });
    for (let n = 0; n < 8; n++) w.add(n);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 4; i++) {
      await db.finish();
      await vi.advanceTimersByTimeAsync(50);
    }
    // The first found the writer idle and went alone.
    expect(db.writes).toEqual([[0], [1, 2, 3], [4, 5, 6], [7]]);
    expect(w.stats()).toMatchObject({ queued: 0, written: 8, writes: 4 });
  });

  it("never holds more than maxQueued items: the rest are dropped, counted and reported", async () => {
    vi.useFakeTimers();
    const db = gatedWrites();
    const { w, drops } = writer({ write: db.write, maxQueued: 25 });
    const settled = Array.from({ length: 30 }, (_, n) => w.add(n));
    await vi.advanceTimersByTimeAsync(0);
    expect(w.stats()).toMatchObject({ queued: 25, dropped: 5 });
    expect(drops).toEqual(Array.from({ length: 5 }, () => ({ count: 1, reason: "queue-full" })));
    // A dropped item's promise settles at once; it is never written.
    await Promise.all(settled.slice(25));
    for (let i = 0; i < 4; i++) {
      await db.finish();
      await vi.advanceTimersByTimeAsync(50);
    }
    await Promise.all(settled);
    expect(db.writes.flat()).toEqual(Array.from({ length: 25 }, (_, n) => n));
    expect(w.stats()).toMatchObject({ queued: 0, written: 25, dropped: 5 });
  });

  it("retries a failed write with backoff, and writes each item once when it succeeds", async () => {
    vi.useFakeTimers();
    const db = gatedWrites();
    const retried: number[] = [];
    const { w, drops } = writer({
      write: db.write,
      retryForMs: 10_000,
      onRetry: (_e, n) => retried.push(n),
    });
    const first = w.add(1);
    await vi.advanceTimersByTimeAsync(0);
    const second = w.add(2); // arrives during the first write
    db.gates.shift()?.fail(new Error("connection refused"));
    await vi.advanceTimersByTimeAsync(0);
    expect(retried).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1000);
    db.gates.shift()?.fail(new Error("connection refused"));
    await vi.advanceTimersByTimeAsync(1000);
    // The failed batch is retried as it was; what came later waits its turn.
    expect(db.writes).toEqual([[1], [1], [1]]);
    await db.finish();
    await first;
    await vi.advanceTimersByTimeAsync(50);
    expect(db.writes.at(-1)).toEqual([2]);
    await db.finish();
    await second;
    expect(retried).toEqual([1]); // reported once per batch, not per attempt
    expect(drops).toEqual([]);
    expect(w.stats()).toMatchObject({ written: 2, failedWrites: 2, dropped: 0, queued: 0 });
  });

  it("drops (and counts) a batch that cannot be written for retryForMs, and goes on with the next", async () => {
    vi.useFakeTimers();
    const write = vi.fn(async (items: number[]) => {
      if (items.includes(1)) throw new Error("the database is away");
    });
    const { w, drops } = writer({ write, retryForMs: 3000 });
    const lost = w.add(1);
    await vi.advanceTimersByTimeAsync(0);
    const next = w.add(2);
    await vi.advanceTimersByTimeAsync(5000);
    await lost;
    await next;
    expect(drops).toEqual([{ count: 1, reason: "write-failed" }]);
    expect(write.mock.calls.at(-1)?.[0]).toEqual([2]);
    expect(w.stats()).toMatchObject({ written: 1, dropped: 1, queued: 0 });
  });

  it("flush() writes what is queued without waiting out the interval", async () => {
    vi.useFakeTimers();
    const db = gatedWrites();
    const { w } = writer({ write: db.write, minIntervalMs: 60_000 });
    w.add(1);
    await vi.advanceTimersByTimeAsync(0);
    w.add(2);
    await db.finish(); // backlog: the next write would wait a minute
    expect(db.writes).toHaveLength(1);
    let flushed = false;
    const flush = w.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(db.writes).toEqual([[1], [2]]);
    expect(flushed).toBe(false); // not before the write is done
    await db.finish();
    await flush;
    expect(w.stats()).toMatchObject({ queued: 0, written: 2 });
  });
});

describe("reportEvery", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reports the first count at once and sums the rest of its window into one report", async () => {
    vi.useFakeTimers();
    const reports: number[] = [];
    const count = reportEvery(10_000, (n) => reports.push(n));
    count(1);
    expect(reports).toEqual([1]);
    for (let i = 0; i < 999; i++) count(1);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(reports).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reports).toEqual([1, 999]);
    count(2); // within the next window: waits for its end
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reports).toEqual([1, 999, 2]);
    await vi.advanceTimersByTimeAsync(10_000); // a quiet window ends the series
    count(5);
    expect(reports).toEqual([1, 999, 2, 5]);
  });
});
