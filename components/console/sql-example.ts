import type { Example } from "@/content/examples";

/**
 * A lesson's SQL query is an ordinary example: `POST /api/v1/sql` with `{ "sql": … }`, whose
 * `expect` is the answer's shape. So the one replay (tests/support/replay-examples.ts, the lesson
 * e2e and each lesson's Vitest file) sends it like any request, and `<Console {...example} />`
 * draws it as a SQL console (see `isSqlRequest`).
 */

export const SQL_PATH = "/api/v1/sql";

/** A column of a result, as the API names it: `{ "name": "id", "type": "int4" }`. */
export type SqlColumn = { name: string; type: string };

/** One node of an EXPLAIN plan (the API turns Postgres's JSON plan into these). */
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

export type SqlError = { message: string; position?: number; code?: string };

/** One statement's outcome, in script order. */
export type SqlResult = {
  statement: string;
  /** 1-based offset of the statement in the script. */
  position: number;
  command: string;
  columns: SqlColumn[];
  rows: unknown[][];
  rowCount: number | null;
  truncated: boolean;
  durationMs: number;
  error?: SqlError;
  plan?: PlanNode;
};

export type SqlAnswer = { results: SqlResult[] };

/** What a lesson says a statement answers: any listed field must match (arrays item by item). */
export type ExpectedResult = Partial<Omit<SqlResult, "plan" | "error">> & {
  error?: Partial<SqlError>;
  plan?: unknown;
};

type SqlExampleInput = {
  title: string;
  sql: string;
  /** One entry per statement that runs (a failed one ends the list). */
  results: ExpectedResult[];
};

/** A SQL query a lesson shows, as the example the console renders and the tests replay. */
export function sqlExample({ title, sql, results }: SqlExampleInput): Example {
  return {
    title,
    method: "POST",
    path: SQL_PATH,
    body: { sql },
    expect: { status: 200, body: { results } },
  };
}

/** The script of a console request, when it is a SQL query; otherwise `null`. */
export function sqlOf(request: { method?: string; path: string; body?: unknown }): string | null {
  if ((request.method ?? "GET").toUpperCase() !== "POST" || request.path !== SQL_PATH) return null;
  const body = request.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const sql = (body as Record<string, unknown>).sql;
  return typeof sql === "string" ? sql : null;
}

/** Column list shorthand for examples: `cols("id int4", "title text")`. */
export function cols(...specs: string[]): SqlColumn[] {
  return specs.map((spec) => {
    const at = spec.lastIndexOf(" ");
    return { name: spec.slice(0, at), type: spec.slice(at + 1) };
  });
}
