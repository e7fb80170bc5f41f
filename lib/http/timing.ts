/** One span of a request: a named step, when it started and how long it took (ms). */
export type Span = { name: string; start: number; dur: number; desc?: string };

/**
 * Times the steps of one request. Each span becomes a `Server-Timing` entry (browser devtools and
 * the request console draw them) and is kept in the sandbox's request log.
 */
export class Timing {
  readonly spans: Span[] = [];
  private readonly origin = performance.now();

  elapsed(): number {
    return performance.now() - this.origin;
  }

  /** Runs `step` as the span `name`; the span is recorded even when the step throws. */
  async span<T>(name: string, desc: string, step: () => T | Promise<T>): Promise<T> {
    const start = this.elapsed();
    try {
      return await step();
    } finally {
      this.spans.push({ name, desc, start: round(start), dur: round(this.elapsed() - start) });
    }
  }

  /** A span of no duration: something known at this point of the request (which instance, …). */
  mark(name: string, desc: string): void {
    this.spans.push({ name, desc, start: round(this.elapsed()), dur: 0 });
  }

  /** The `Server-Timing` header value, ending with the request's total. */
  header(total: number): string {
    const entries = this.spans.map(
      (s) => `${s.name};dur=${s.dur}${s.desc ? `;desc="${s.desc.replace(/["\\]/g, "")}"` : ""}`,
    );
    entries.push(`total;dur=${round(total)}`);
    return entries.join(", ");
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
