import { getDb } from "@/db";
import { env } from "@/lib/env";
import { HttpProblem } from "@/lib/http/problem";
import { SQL_LIMITS, type SqlResults, type StatementResult } from "./contract";
import { pgliteBackend } from "./pglite-backend";
import { explainFromJson, planText, toPlanNode } from "./plan";
import { postgresBackend } from "./postgres-backend";
import type { ConsoleBackend, ConsoleSession, RawResult } from "./session";
import { SqlFailure } from "./session";
import { type Statement, splitScript } from "./statements";
import {
  createTablesSql,
  fillTablesSql,
  type LearnerTable,
  learnerTables,
  readRowsSql,
  tablesNamedIn,
} from "./tables";
import { decodeRow, type TypeInfo } from "./values";

const globalForConsole = globalThis as unknown as { bmjSqlConsole?: ConsoleBackend };

/** The console's executor: Postgres as an unprivileged role, or PGlite in a worker thread. */
export function consoleBackend(): ConsoleBackend {
  const { DATABASE_URL } = env();
  globalForConsole.bmjSqlConsole ??= DATABASE_URL
    ? postgresBackend(DATABASE_URL, getDb)
    : pgliteBackend();
  return globalForConsole.bmjSqlConsole;
}

/** Built-in types never change their oid: looked up once per process. */
const builtinTypes = new Map<number, TypeInfo>();
const FIRST_USER_OID = 16_384;

async function typesOf(session: ConsoleSession, oids: number[]): Promise<Map<number, TypeInfo>> {
  const found = new Map<number, TypeInfo>();
  const missing = oids.filter((oid) => {
    const known = builtinTypes.get(oid);
    if (known) found.set(oid, known);
    return !known;
  });
  if (missing.length > 0) {
    const result = await session.run(
      "select t.oid::int, t.typname::text, e.typname::text from pg_type t left join pg_type e on e.oid = t.typelem and t.typcategory = 'A' where t.oid = any($1::text::int[])",
      { params: [`{${[...new Set(missing)].join(",")}}`] },
    );
    for (const [oid, name, element] of result.rows) {
      const info: TypeInfo = { name: name ?? "unknown", ...(element ? { element } : {}) };
      found.set(Number(oid), info);
      if (Number(oid) < FIRST_USER_OID) builtinTypes.set(Number(oid), info);
    }
  }
  return found;
}

const CHANGES_ROWS = /^(INSERT|UPDATE|DELETE|MERGE)$/;

/** Where Postgres' 1-based position in what ran falls in the whole script. */
function scriptPosition(statement: Statement, position: number | undefined): number | undefined {
  if (!position) return undefined;
  let at = position - 1;
  const shift = statement.explain?.shift;
  if (shift && shift.from > 0) at = at >= shift.from ? at - shift.from + shift.to : 0;
  return statement.offset + at + 1;
}

type Budget = { chars: number };

function toResult(
  statement: Statement,
  raw: RawResult,
  types: Map<number, TypeInfo>,
  durationMs: number,
  budget: Budget,
): StatementResult {
  const fieldTypes = raw.fields.map((f) => types.get(f.type) ?? { name: "unknown" });
  let truncated = raw.total > SQL_LIMITS.rows;
  const rows: unknown[][] = [];
  for (const row of raw.rows.slice(0, SQL_LIMITS.rows)) {
    const { values, cut } = decodeRow(row, fieldTypes);
    const size = JSON.stringify(values).length;
    if (size > budget.chars) {
      truncated = true;
      break;
    }
    budget.chars -= size;
    truncated ||= cut;
    rows.push(values);
  }
  const result: StatementResult = {
    statement: statement.text,
    position: statement.offset + 1,
    command: statement.command,
    columns: raw.fields.map((f, i) => ({ name: f.name, type: fieldTypes[i]?.name ?? "unknown" })),
    rows,
    rowCount: CHANGES_ROWS.test(statement.command)
      ? raw.affected
      : raw.fields.length > 0
        ? raw.total
        : null,
    truncated,
    durationMs: Math.round(durationMs * 100) / 100,
  };
  const explain = statement.explain;
  if (explain && (explain.format === "text" || explain.format === "json")) {
    // From the untruncated text: the plan is read whole even when the value shown is cut.
    const text = raw.rows[0]?.[0];
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const parsed = explainFromJson(json);
    if (parsed) {
      result.plan = toPlanNode(parsed.Plan);
      if (explain.format === "text") {
        result.columns = [{ name: "QUERY PLAN", type: "text" }];
        result.rows = planText(parsed).map((line) => [line]);
        result.rowCount = result.rows.length;
      }
    }
  }
  return result;
}

function failed(
  statement: Pick<Statement, "text" | "offset" | "command">,
  error: StatementResult["error"],
): StatementResult {
  return {
    statement: statement.text,
    position: statement.offset + 1,
    command: statement.command,
    columns: [],
    rows: [],
    rowCount: null,
    truncated: false,
    durationMs: 0,
    error,
  };
}

/** The learner's rows, read by the app from its own database (one query), as JSON text. */
async function learnerRows(sandboxId: string, tables: readonly LearnerTable[]): Promise<string> {
  const db = await getDb();
  const result = (await db.execute(readRowsSql(tables, sandboxId))) as unknown;
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return (rows[0] as { data: string }).data;
}

// #region run-script
/**
 * Runs a learner's script: their rows copied into temporary tables of a fresh transaction on the
 * console's own session, each statement in order until one fails, then always ROLLBACK.
 */
export async function runScript({
  sandboxId,
  sql,
}: {
  sandboxId: string;
  sql: string;
}): Promise<SqlResults> {
  const split = await splitScript(sql);
  const count = split.statements.length + (split.ok ? 0 : 1);
  if (count > SQL_LIMITS.statements)
    throw new HttpProblem(
      "validation",
      `A script may have at most ${SQL_LIMITS.statements} statements; this one has ${count}.`,
      {
        errors: [
          {
            in: "body",
            field: "sql",
            message: `must have at most ${SQL_LIMITS.statements} statements`,
          },
        ],
      },
    );
  const tables = tablesNamedIn(sql, learnerTables());
  const rows = tables.length > 0 ? await learnerRows(sandboxId, tables) : "{}";
  const session = await consoleBackend().acquire();
  let broken = false;
  const results: StatementResult[] = [];
  try {
    await session.run(`begin; ${createTablesSql(tables)}`, { simple: true });
    if (tables.length > 0) await session.run(fillTablesSql(tables), { params: [rows] });
    const xid = async () => (await session.run("select pg_current_xact_id()::text")).rows[0]?.[0];
    const transaction = await xid();
    const budget = { chars: SQL_LIMITS.responseChars };
    for (const statement of split.statements) {
      if (statement.refusal) {
        results.push(
          failed(statement, { message: statement.refusal, position: statement.offset + 1 }),
        );
        return { results };
      }
      const started = performance.now();
      try {
        const raw = await session.run(statement.explain?.sql ?? statement.text, { limited: true });
        const duration = performance.now() - started;
        const types = await typesOf(
          session,
          raw.fields.map((f) => f.type),
        );
        results.push(toResult(statement, raw, types, duration, budget));
      } catch (error) {
        if (!(error instanceof SqlFailure)) throw error;
        results.push({
          ...failed(statement, {
            message: error.message,
            position: scriptPosition(statement, error.position),
            code: error.code,
          }),
          durationMs: Math.round((performance.now() - started) * 100) / 100,
        });
        return { results };
      }
      // Defence in depth: the statement must have left the transaction we opened as it was.
      const now = await xid().catch((error: unknown) => {
        if (!(error instanceof SqlFailure)) throw error;
        // The session was lost after the statement ran (the embedded database stopped): that
        // statement fails in place of its result.
        results.pop();
        results.push(failed(statement, { message: error.message, code: error.code }));
        return undefined;
      });
      if (now === undefined) return { results };
      if (now !== transaction) {
        broken = true;
        throw new Error("sql console: a statement ended the console's transaction");
      }
    }
    if (!split.ok) {
      const { text, offset, message, position } = split.error;
      const command = (/^\s*(\w+)/.exec(text)?.[1] ?? "").toUpperCase();
      results.push(failed({ text, offset, command }, { message, position, code: "42601" }));
    }
    return { results };
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    await session.release(broken);
  }
}
// #endregion
