/**
 * A circuit breaker in front of a rate-limit store. While the store answers, calls go through
 * (closed). After `failures` failures in a row it opens: calls are refused at once, without
 * touching the store, so a Redis outage costs a request nothing instead of a timeout each. After
 * `cooldownMs` one call is let through as a probe (half-open): if it succeeds the breaker closes,
 * if it fails it opens for another cooldown. Only one probe is in flight at a time.
 */
export type BreakerState = "closed" | "open" | "half-open";

export type BreakerOptions = {
  /** Failures in a row that open the breaker. */
  failures: number;
  /** How long it stays open before a probe may go through. */
  cooldownMs: number;
  /** The clock (tests pass their own, so no test waits for a cooldown). */
  now?: () => number;
};

export class CircuitBreaker {
  private failuresInARow = 0;
  private openedAt = 0;
  private probing = false;
  private current: BreakerState = "closed";
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Milliseconds until a probe may go through; 0 unless open. */
  retryInMs(): number {
    if (this.current !== "open") return 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.now());
  }

  /** Whether a call may go to the store now. A `true` must be followed by success() or failure(). */
  tryAcquire(): boolean {
    if (this.current === "closed") return true;
    if (this.current === "open") {
      if (this.retryInMs() > 0) return false;
      this.current = "half-open";
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failuresInARow = 0;
    this.probing = false;
    this.current = "closed";
  }

  failure(): void {
    this.failuresInARow += 1;
    const probeFailed = this.current === "half-open";
    this.probing = false;
    if (probeFailed || this.failuresInARow >= this.options.failures) {
      this.current = "open";
      this.openedAt = this.now();
    }
  }
}
