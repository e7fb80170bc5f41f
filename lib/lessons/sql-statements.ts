import { tokenize } from "@/components/console/sql-highlight";
import type { RequestLogEntry } from "@/db/schema/sandboxes";
import type { Span, Timing } from "@/lib/http/timing";

/**
 * What the SQL lessons' checks know of a learner's scripts: one `statement` span per statement in the
 * request log (and in `Server-Timing`), whose description names the statement's command, the SQL
 * features it used and how it ended: `SELECT [join,group-by] ok 12` or `INSERT [] error 23503`.
 * Never the SQL text itself, nor any value.
 */

export const SQL_SPAN = "statement";

export const SQL_FEATURES = [
  "where",
  "order-by",
  "limit",
  "join",
  "outer-join",
  "group-by",
  "having",
  "window",
  "subquery",
  "exists",
  "cte",
  "returning",
  "on-conflict",
  "for-update",
  "analyze",
  "composite",
  "partial",
] as const;
export type SqlFeature = (typeof SQL_FEATURES)[number];

/** The statement's text with strings, quoted names and comments blanked out, lower case. */
function codeOf(statement: string): string {
  return tokenize(statement)
    .map((t) =>
      t.kind === "string" || t.kind === "comment" || t.kind === "ident"
        ? " ".repeat(t.text.length)
        : t.text,
    )
    .join("")
    .toLowerCase();
}

/** The features a lesson check may ask about, read from a statement's text. */
export function sqlFeatures(statement: string): SqlFeature[] {
  const code = codeOf(statement);
  const has = (re: RegExp) => re.test(code);
  const found: SqlFeature[] = [];
  const add = (feature: SqlFeature, yes: boolean) => yes && found.push(feature);
  const createIndex = has(/^\s*create\s+(unique\s+)?index\b/);
  add("where", has(/\bwhere\b/));
  add("order-by", has(/\border\s+by\b/));
  add("limit", has(/\blimit\b|\bfetch\s+first\b/));
  add("join", has(/\bjoin\b/));
  add("outer-join", has(/\b(left|right|full)\s+(outer\s+)?join\b/));
  add("group-by", has(/\bgroup\s+by\b/));
  add("having", has(/\bhaving\b/));
  add("window", has(/\bover\s*(\(|[a-z_])/));
  add("subquery", has(/\(\s*select\b/));
  add("exists", has(/\bexists\s*\(/));
  add("cte", has(/^\s*(explain\b[^;]*?)?\bwith\b/));
  add("returning", has(/\breturning\b/));
  add("on-conflict", has(/\bon\s+conflict\b/));
  add("for-update", has(/\bfor\s+(no\s+key\s+)?(update|share)\b/));
  add("analyze", has(/^\s*explain\s*(\([^)]*\banalyze\b|analyze\b)/));
  if (createIndex) {
    const columns = /\bon\s+[\w.]+\s*(?:using\s+\w+\s*)?\(([^)]*)\)/.exec(code)?.[1] ?? "";
    add("composite", columns.includes(","));
    add("partial", has(/\)\s*where\b/));
  }
  return found;
}

/** One statement as a lesson check sees it. */
export type LoggedStatement = {
  command: string;
  features: SqlFeature[];
  ok: boolean;
  /** SQLSTATE of a failed statement. */
  code?: string;
  /** Rows returned or changed, when known. */
  rows?: number;
};

type Ran = {
  statement: string;
  command: string;
  rowCount: number | null;
  durationMs: number;
  error?: { code?: string };
};

export function describeStatement(result: Ran): string {
  const command = (result.command || /^\s*(\w+)/.exec(result.statement)?.[1] || "?").toUpperCase();
  const end = result.error
    ? `error ${result.error.code ?? "?"}`
    : `ok${result.rowCount === null ? "" : ` ${result.rowCount}`}`;
  return `${command} [${sqlFeatures(result.statement).join(",")}] ${end}`;
}

const DESC = /^([A-Z][A-Z ]*?) \[([a-z,-]*)\] (ok|error)(?: (\S+))?$/;

export function parseStatement(desc: string): LoggedStatement | null {
  const m = DESC.exec(desc);
  if (!m) return null;
  const [, command = "", features = "", end, extra] = m;
  const known = new Set<string>(SQL_FEATURES);
  const statement: LoggedStatement = {
    command,
    features: features.split(",").filter((f): f is SqlFeature => known.has(f)),
    ok: end === "ok",
  };
  if (end === "error" && extra) statement.code = extra;
  if (end === "ok" && extra !== undefined && /^\d+$/.test(extra)) statement.rows = Number(extra);
  return statement;
}

/**
 * Records one `statement` span per statement that ran, after the script: the first starts where
 * the route's `sql` span did, each of the others where the one before ended.
 */
export function recordStatements(timing: Timing, results: readonly Ran[]) {
  let start = timing.spans.findLast((s) => s.name === "sql")?.start ?? 0;
  for (const result of results) {
    const span: Span = {
      name: SQL_SPAN,
      desc: describeStatement(result),
      start: Math.round(start * 100) / 100,
      dur: Math.round(result.durationMs * 100) / 100,
    };
    timing.spans.push(span);
    start += result.durationMs;
  }
}

/** The scripts the learner ran through `POST /api/v1/sql`, oldest first, one list per request. */
export function sqlScripts(log: readonly RequestLogEntry[]): LoggedStatement[][] {
  return [...log]
    .reverse()
    .filter(
      (e) => e.method === "POST" && e.status === 200 && e.path.split("?")[0] === "/api/v1/sql",
    )
    .map((e) =>
      e.spans.flatMap((s) => {
        const parsed = s.name === SQL_SPAN && s.desc ? parseStatement(s.desc) : null;
        return parsed ? [parsed] : [];
      }),
    );
}

/** Whether a statement is a successful `command` using every one of `features`. */
export function ran(
  statement: LoggedStatement,
  command: string | readonly string[],
  features: readonly SqlFeature[] = [],
): boolean {
  const commands = typeof command === "string" ? [command] : command;
  return (
    statement.ok &&
    commands.includes(statement.command) &&
    features.every((f) => statement.features.includes(f))
  );
}
