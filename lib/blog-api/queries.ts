import { count, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db, Transaction } from "@/db";
import { blogAuthor, blogComment, blogPost } from "@/db/schema/blog-api";
import { HttpProblem } from "@/lib/http/problem";
import type { Timing } from "@/lib/http/timing";
import { ownedBy } from "@/lib/sandbox/scope";
import { BLOG_LIMITS } from "./contract";

/** Where a query runs: the app's client, or a transaction. */
export type Runner = Db | Transaction;

const dialect = new PgDialect();

/** The SQL text of a statement, as the database receives it ($1, $2 … for the values). */
export function sqlText(statement: SQL): string {
  return dialect.sqlToQuery(statement).sql.replace(/\s+/g, " ").trim();
}

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

// #region traced
/**
 * Runs one statement as one `db` span whose description is what it does and its SQL text: the
 * request console's timeline and the request log show every query a request made, and how many.
 */
export async function traced<T>(
  runner: Runner,
  timing: Timing | undefined,
  what: string,
  statement: SQL,
): Promise<T[]> {
  const run = async () => rowsOf<T>(await runner.execute(statement));
  return timing ? timing.span("db", `${what}: ${sqlText(statement)}`, run) : run();
}
// #endregion

/**
 * A timestamp as the drivers hand it over in raw queries (text like `2025-01-06 10:00:00+00`, or
 * a Date), as ISO 8601 in UTC.
 */
export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value)
    .replace(" ", "T")
    .replace(/([+-]\d\d)$/, "$1:00");
  return new Date(text).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** Whether a database error is a unique violation (SQLSTATE 23505), wrapped by Drizzle or not. */
export function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
  return codeOf(error) === "23505" || codeOf((error as { cause?: unknown })?.cause) === "23505";
}

/**
 * 409 when the blog already holds as many of these as a sandbox keeps (BLOG_LIMITS), checked in
 * the writing transaction; the Blog API and RealWorld answer alike.
 */
export async function withinLimit(
  tx: Transaction,
  sandboxId: string,
  what: "authors" | "posts" | "comments",
): Promise<void> {
  const table = { authors: blogAuthor, posts: blogPost, comments: blogComment }[what];
  const [held] = await tx.select({ n: count() }).from(table).where(ownedBy(table, sandboxId));
  if (Number(held?.n ?? 0) >= BLOG_LIMITS[what]) {
    throw new HttpProblem(
      "conflict",
      `Your blog already holds ${BLOG_LIMITS[what]} ${what}, the most a sandbox keeps. Delete some, or reset the sandbox on /sandbox.`,
    );
  }
}
