import type { Db } from "@/db";
import type { RequestLogEntry } from "@/db/schema/sandboxes";

/** What a check may look at: the learner's own sandbox, never anyone else's. */
export type CheckContext = {
  sandboxId: string;
  /** The sandbox's request log, newest first (as much as it keeps). */
  log: readonly RequestLogEntry[];
  db: Db;
};

/**
 * One thing "Check my work" verifies. `hint` says what to try when it fails, without giving the
 * answer away.
 */
export type Check = {
  id: string;
  title: string;
  hint: string;
  test: (ctx: CheckContext) => boolean | Promise<boolean>;
};

/** Describes requests in the log: each listed property must hold. */
export type RequestPattern = {
  method?: string | readonly string[];
  /** The path without the query string, exactly or as a pattern. */
  path?: string | RegExp;
  /** Query parameters that must be present (any value) or equal. */
  query?: Record<string, string | true>;
  status?: number | readonly number[];
  /** Request headers that must have been sent (names, any case). */
  sent?: readonly string[];
  /** Server-side steps (span names) that must have run, or must not have. */
  spans?: readonly string[];
  withoutSpans?: readonly string[];
};

const oneOf = <T>(want: T | readonly T[] | undefined, value: T) =>
  want === undefined || (Array.isArray(want) ? want.includes(value) : want === value);

/** Whether one logged request matches a pattern. */
export function matches(entry: RequestLogEntry, pattern: RequestPattern): boolean {
  const url = new URL(entry.path, "http://log.invalid");
  if (!oneOf(pattern.method, entry.method)) return false;
  if (!oneOf(pattern.status, entry.status)) return false;
  if (pattern.path !== undefined) {
    const ok =
      typeof pattern.path === "string"
        ? url.pathname === pattern.path
        : pattern.path.test(url.pathname);
    if (!ok) return false;
  }
  for (const [name, value] of Object.entries(pattern.query ?? {})) {
    const actual = url.searchParams.get(name);
    if (actual === null || (value !== true && actual !== value)) return false;
  }
  const sent = new Set(entry.requestHeaders.map((h) => h.toLowerCase()));
  if (pattern.sent?.some((h) => !sent.has(h.toLowerCase()))) return false;
  const spans = new Set(entry.spans.map((s) => s.name));
  if (pattern.spans?.some((s) => !spans.has(s))) return false;
  if (pattern.withoutSpans?.some((s) => spans.has(s))) return false;
  return true;
}

/** A check that passes once the log holds a request like `pattern`. */
export function requested(check: Omit<Check, "test">, pattern: RequestPattern): Check {
  return { ...check, test: ({ log }) => log.some((entry) => matches(entry, pattern)) };
}

/** A check that passes once the log holds `first`, followed later by `then`. */
export function requestedInOrder(
  check: Omit<Check, "test">,
  first: RequestPattern,
  then: RequestPattern,
): Check {
  return {
    ...check,
    test: ({ log }) => {
      // The log is newest first: find the oldest `first`, then any `then` after it.
      const oldest = [...log].reverse();
      const start = oldest.findIndex((entry) => matches(entry, first));
      return start >= 0 && oldest.slice(start + 1).some((entry) => matches(entry, then));
    },
  };
}
