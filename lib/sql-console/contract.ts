import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";

/**
 * The SQL console's contract: a script in, one result per statement out. Every limit here is
 * also a learner-visible error (see lib/sql-console/README.md).
 */

export const SQL_LIMITS = {
  /** Characters in one script. */
  scriptChars: 20_000,
  /** Statements in one script. */
  statements: 20,
  /** Milliseconds one statement may run. */
  statementMs: 2_000,
  /** Rows returned per statement; more are cut off and marked `truncated`. */
  rows: 500,
  /** Characters of one value; longer text is cut and ends with "…". */
  valueChars: 2_000,
  /** Characters of a whole response's values, across statements. */
  responseChars: 1_000_000,
} as const;

export const sqlBody = z.strictObject({
  sql: z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
    .max(SQL_LIMITS.scriptChars, `must be at most ${SQL_LIMITS.scriptChars} characters`)
    .refine((s) => s.trim().length > 0, "must contain at least one statement")
    .refine((s) => !s.includes("\0"), "must not contain NUL (\\u0000) characters"),
});
export type SqlBody = z.infer<typeof sqlBody>;

/** One node of an EXPLAIN plan, normalised from Postgres' JSON format. */
export type PlanNode = {
  node: string;
  relation?: string;
  index?: string;
  rowsEstimated: number;
  rowsActual?: number;
  loops?: number;
  costStartup: number;
  costTotal: number;
  timeMs?: number;
  filter?: string;
  children: PlanNode[];
};

/**
 * The plan tree as the API answers it. Its children have the same shape; the schema describes
 * them loosely (a recursive schema would need JSON Schema references the OpenAPI document here
 * does not carry), and the tests check the whole tree.
 */
export const planNode = z.strictObject({
  node: z.string().describe("Node type: Seq Scan, Index Scan, Hash Join, …"),
  relation: z.string().optional(),
  index: z.string().optional(),
  rowsEstimated: z.number(),
  rowsActual: z.number().optional().describe("EXPLAIN ANALYZE only: rows per loop"),
  loops: z.number().optional(),
  costStartup: z.number(),
  costTotal: z.number(),
  timeMs: z.number().optional().describe("EXPLAIN ANALYZE only: total time of one loop"),
  filter: z.string().optional().describe("Its filter or index/join condition"),
  children: z
    .array(z.record(z.string(), z.unknown()))
    .describe("The nodes it reads from, each of this same shape"),
});

export const statementError = z.strictObject({
  message: z.string(),
  position: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("1-based character offset in the whole script"),
  code: z.string().optional().describe("SQLSTATE, e.g. 42P01 (undefined table)"),
});

export const statementResult = z.strictObject({
  statement: z.string().describe("The statement's text"),
  position: z.number().int().positive().describe("1-based character offset of the statement"),
  command: z.string().describe("SELECT, INSERT, CREATE TABLE, EXPLAIN, …"),
  columns: z.array(
    z.strictObject({ name: z.string(), type: z.string().describe("Postgres type: int4, text, …") }),
  ),
  rows: z
    .array(z.array(z.unknown()))
    .describe(
      "Values in column order: bigint and numeric as strings, timestamps as ISO 8601, json parsed",
    ),
  rowCount: z
    .number()
    .int()
    .nullable()
    .describe("Rows returned or changed; null for statements without a count"),
  truncated: z.boolean().describe(`More than ${SQL_LIMITS.rows} rows, or values cut`),
  durationMs: z.number(),
  error: statementError.optional(),
  plan: planNode.optional(),
});
export type StatementResult = z.infer<typeof statementResult>;

export const sqlResults = z.strictObject({ results: z.array(statementResult) });
export type SqlResults = z.infer<typeof sqlResults>;

export const runSql = defineOperation({
  method: "POST",
  path: "/api/v1/sql",
  summary: "Run SQL over your sandbox's rows and the music dataset, in a transaction rolled back",
  description: `One or more statements, run in order in one transaction that is always rolled back: nothing persists. Your sandbox's rows appear as ordinary tables (todos, users, products, orders, …) beside the read-only teaching dataset (music.artists, music.albums, music.tracks, music.listeners, music.plays). Each statement may run ${SQL_LIMITS.statementMs / 1000} s and return ${SQL_LIMITS.rows} rows; at most ${SQL_LIMITS.statements} statements. A failing statement ends the script: the ones after it do not run. Transaction control (BEGIN, COMMIT, ROLLBACK, savepoints) and changing the console's settings are refused.`,
  body: sqlBody,
  maxBodyBytes: 64 * 1024,
  responses: {
    200: { description: "One result per statement run, in order", body: sqlResults },
  },
  problems: ["validation", "content-too-large", "unsupported-media-type", "sql-console-busy"],
});

/** The SQL console, as the lessons list it. */
export const sqlConsoleApi = [runSql] as const;
