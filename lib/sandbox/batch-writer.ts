/**
 * A bounded write-behind queue: items are written in batches, off the request path, and nothing
 * waits in memory beyond `maxQueued` items. What cannot be queued or written is dropped and
 * counted, never silently lost.
 *
 * - One write at a time. An item that finds the writer idle is written at once; while items keep
 *   arriving during writes (load), writes start at most every `minIntervalMs` and everything that
 *   arrived meanwhile shares one (up to `maxBatch` items per write).
 * - A full queue drops the new item (the ones already waiting were promised first).
 * - A failing write is retried with backoff for `retryForMs`, then its batch is dropped.
 * - `add` answers a promise that settles when the item's batch is written or dropped (it never
 *   rejects), so a platform that freezes idle instances can be told to wait for it
 *   (`after()`/`waitUntil`), and `flush()` writes everything queued now.
 */

export type DropReason = "queue-full" | "write-failed";

export type BatchWriterOptions<T> = {
  write: (items: T[]) => Promise<void>;
  maxQueued: number;
  maxBatch: number;
  minIntervalMs: number;
  retryForMs: number;
  /** Called for every drop: how many items, why, and the last error of a failed write. */
  onDrop?: (count: number, reason: DropReason, error?: unknown) => void;
  /** Called when a batch first fails to be written (it is then retried). */
  onRetry?: (error: unknown, items: number) => void;
};

export type BatchWriterStats = {
  /** Items waiting to be written, the batch in flight included. */
  queued: number;
  written: number;
  dropped: number;
  writes: number;
  failedWrites: number;
};

type Batch<T> = {
  items: T[];
  settle: () => void;
  settled: Promise<void>;
  failingSince?: number;
  attempts: number;
};

const MAX_BACKOFF_MS = 1000;

export class BatchWriter<T> {
  private readonly batches: Batch<T>[] = [];
  private queuedItems = 0;
  private writing: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** Whether items were waiting when the last write ended: the sign of load. */
  private backlog = false;
  /** While a flush is waiting, the interval between writes is not kept. */
  private flushes = 0;
  private readonly counts = { written: 0, dropped: 0, writes: 0, failedWrites: 0 };

  constructor(private readonly options: BatchWriterOptions<T>) {}

  /** Queues `item`; the promise settles once it is written or dropped. */
  add(item: T): Promise<void> {
    const { maxQueued, maxBatch } = this.options;
    if (this.queuedItems >= maxQueued) {
      this.drop(1, "queue-full");
      return Promise.resolve();
    }
    // The last batch takes more items until it is full or has been sent (once sent, even if it
    // failed, it is retried as it was: a batch that cannot be written takes no one else down).
    let batch = this.batches.at(-1);
    const sent = batch && (batch.attempts > 0 || (batch === this.batches[0] && this.writing));
    if (!batch || sent || batch.items.length >= maxBatch) {
      let settle!: () => void;
      const settled = new Promise<void>((resolve) => {
        settle = resolve;
      });
      batch = { items: [], settle, settled, attempts: 0 };
      this.batches.push(batch);
    }
    batch.items.push(item);
    this.queuedItems += 1;
    this.schedule();
    return batch.settled;
  }

  /** Writes everything queued now (not waiting out the interval); settles when it is written or dropped. */
  async flush(): Promise<void> {
    const pending = this.batches.map((b) => b.settled);
    if (pending.length === 0) return;
    this.flushes += 1;
    try {
      if (this.timer && !this.batches[0]?.failingSince) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      this.schedule();
      await Promise.all(pending);
    } finally {
      this.flushes -= 1;
    }
  }

  stats(): BatchWriterStats {
    return { queued: this.queuedItems, ...this.counts };
  }

  private schedule(): void {
    if (this.writing || this.timer || this.batches.length === 0) return;
    const head = this.batches[0];
    let wait = 0;
    if (head?.failingSince !== undefined) {
      wait = Math.min(MAX_BACKOFF_MS, 25 * 2 ** head.attempts);
    } else if (this.backlog && this.flushes === 0) {
      wait = this.lastWriteAt + this.options.minIntervalMs - performance.now();
    }
    if (wait <= 0) {
      this.startWrite();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.writing) this.startWrite();
    }, wait);
  }

  private startWrite(): void {
    // Assigned before the write begins, so that its end (which clears it) always comes after.
    this.writing = Promise.resolve().then(() => this.writeHead());
  }

  private async writeHead(): Promise<void> {
    const batch = this.batches[0];
    if (!batch) {
      this.writing = undefined;
      return;
    }
    this.lastWriteAt = performance.now();
    batch.attempts += 1;
    let done = true;
    try {
      await this.options.write(batch.items);
      this.counts.written += batch.items.length;
      this.counts.writes += 1;
    } catch (error) {
      this.counts.failedWrites += 1;
      if (batch.failingSince === undefined) {
        batch.failingSince = performance.now();
        this.options.onRetry?.(error, batch.items.length);
      }
      if (performance.now() - batch.failingSince < this.options.retryForMs) {
        done = false;
      } else {
        this.drop(batch.items.length, "write-failed", error);
      }
    }
    if (done) {
      this.batches.shift();
      this.queuedItems -= batch.items.length;
      batch.settle();
    }
    this.writing = undefined;
    this.backlog = this.batches.length > 0;
    this.schedule();
  }

  private drop(count: number, reason: DropReason, error?: unknown): void {
    this.counts.dropped += count;
    this.options.onDrop?.(count, reason, error);
  }
}

/**
 * Sums counts into reports at most once per `windowMs`: the first count is reported at once, the
 * rest of its window in one report at the window's end. For drops, which can come by thousands.
 */
export function reportEvery(windowMs: number, report: (count: number) => void) {
  let unreported = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    timer = undefined;
    if (unreported === 0) return;
    const count = unreported;
    unreported = 0;
    report(count);
    timer = setTimeout(close, windowMs);
    timer.unref?.();
  };
  return (count: number) => {
    unreported += count;
    if (!timer) close();
  };
}
