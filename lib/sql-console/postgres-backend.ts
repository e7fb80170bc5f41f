import { createHmac } from "node:crypto";
import { sql as dsql } from "drizzle-orm";
import type { Db } from "@/db";
import { HttpProblem } from "@/lib/http/problem";
import { logger } from "@/lib/logger";
import { SQL_LIMITS } from "./contract";
import { DATASET_SQL, DATASET_VERSION } from "./dataset";
import {
  type ConsoleBackend,
  type ConsoleSession,
  type RawResult,
  SqlFailure,
  TIMEOUT_CODE,
} from "./session";

/**
 * The console on a real Postgres: learner SQL runs as CONSOLE_ROLE, a login role with no
 * privilege but the teaching dataset (which it owns, so CREATE INDEX works inside the
 * rolled-back transaction) and a scratch schema. It reads none of the app's tables, and since
 * the session user itself is unprivileged, RESET ROLE or SET SESSION AUTHORIZATION lead nowhere.
 * Its connections are a small pool of their own, so the console can never take the app's.
 */
export const CONSOLE_ROLE = "bmj_sql_console";
const POOL_SIZE = 3;
const MAX_WAITING = 16;
/** Ours alone: serializes the role and dataset setup when several instances start at once. */
const SETUP_LOCK = 7_312_025;

/** The role's password: derived from the app's own, so every instance agrees and none stores it. */
function consolePassword(url: URL): string | undefined {
  if (!url.password) return undefined;
  return createHmac("sha256", decodeURIComponent(url.password)).update(CONSOLE_ROLE).digest("hex");
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function setUp(db: Db, password: string | undefined): Promise<void> {
  const role = ident(CONSOLE_ROLE);
  const run = (text: string) => db.execute(dsql.raw(text));
  const optional = async (text: string) => {
    try {
      await run(text);
    } catch (error) {
      logger.warn({ err: error, statement: text }, "sql console: optional setup step refused");
    }
  };
  await db.transaction(async (tx) => {
    await tx.execute(dsql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    await tx.execute(
      dsql.raw(`do $$ begin
        if not exists (select from pg_roles where rolname = '${CONSOLE_ROLE}') then
          create role ${role} login;
        end if;
      end $$`),
    );
    await tx.execute(
      dsql.raw(
        `alter role ${role} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit connection limit 50 ${password ? `password '${password}'` : ""}`,
      ),
    );
    for (const setting of [
      `statement_timeout = '${SQL_LIMITS.statementMs}ms'`,
      "idle_in_transaction_session_timeout = '10s'",
      "work_mem = '16MB'",
      "search_path = workspace",
      // Plans as on the embedded database (which has no parallel workers), so a lesson's
      // EXPLAIN reads the same on both.
      "max_parallel_workers_per_gather = 0",
    ])
      await tx.execute(dsql.raw(`alter role ${role} set ${setting}`));
    const [row] = (await tx.execute(
      dsql`select obj_description(oid, 'pg_namespace') as version from pg_namespace where nspname = 'music'`,
    )) as unknown as { version: string | null }[];
    if (row?.version !== DATASET_VERSION) {
      const started = performance.now();
      await tx.execute(dsql.raw("drop schema if exists music cascade"));
      await tx.execute(dsql.raw("create schema music"));
      for (const statement of DATASET_SQL) await tx.execute(dsql.raw(statement));
      await tx.execute(dsql.raw(`comment on schema music is '${DATASET_VERSION}'`));
      logger.info(
        { ms: Math.round(performance.now() - started) },
        "sql console: teaching dataset generated",
      );
    }
    // CREATE too: an index lives in its table's schema (rolled back with the script, as all).
    await tx.execute(dsql.raw(`grant usage, create on schema music to ${role}`));
    for (const table of ["artists", "albums", "tracks", "listeners", "plays"])
      await tx.execute(dsql.raw(`alter table music.${table} owner to ${role}`));
    await tx.execute(dsql.raw(`create schema if not exists workspace authorization ${role}`));
    // Postgres 15 already denies CREATE on public to PUBLIC; older servers do not.
    await tx.execute(dsql.raw("revoke create on schema public from public"));
  });
  // Settings only a superuser may pin on a role; elsewhere the app's watchdog still bounds them.
  await optional(`alter role ${role} set temp_file_limit = '64MB'`);
  await optional(`alter role ${role} set track_activities = off`);
}

export function postgresBackend(databaseUrl: string, appDb: () => Promise<Db>): ConsoleBackend {
  const url = new URL(databaseUrl);
  const password = consolePassword(url);
  url.username = CONSOLE_ROLE;
  url.password = password ?? "";
  type Sql = import("postgres").Sql;
  let ready: Promise<void> | undefined;
  /** One client per connection, each used by one script at a time. */
  const idle: Sql[] = [];
  let open = 0;
  const waiting: ((sql: Sql) => void)[] = [];

  const connect = async (): Promise<Sql> => {
    const { default: postgres } = await import("postgres");
    // Clients of their own, on purpose: another role, and connections the console cannot grow
    // past, so it never takes the app's.
    return postgres(url.toString(), {
      max: 1,
      prepare: false,
      fetch_types: false,
      idle_timeout: 60,
      onnotice: () => {},
      connection: {
        application_name: "bmj-sql-console",
        statement_timeout: SQL_LIMITS.statementMs,
        TimeZone: "UTC",
        DateStyle: "ISO, YMD",
        IntervalStyle: "postgres",
        search_path: "workspace",
        max_parallel_workers_per_gather: 0,
      },
    });
  };

  const take = async (): Promise<Sql> => {
    const free = idle.pop();
    if (free) return free;
    if (open < POOL_SIZE) {
      open++;
      try {
        return await connect();
      } catch (error) {
        open--;
        throw error;
      }
    }
    if (waiting.length >= MAX_WAITING)
      throw new HttpProblem(
        "sql-console-busy",
        "Too many scripts are waiting for the SQL console. Retry in a few seconds.",
        { headers: { "retry-after": "5" } },
      );
    return new Promise((resolve) => waiting.push(resolve));
  };

  const give = (sql: Sql | undefined) => {
    if (!sql) {
      open--;
      const next = waiting.shift();
      if (next) void take().then(next);
      return;
    }
    const next = waiting.shift();
    if (next) next(sql);
    else idle.push(sql);
  };

  return {
    kind: "postgres",
    async acquire(): Promise<ConsoleSession> {
      ready ??= appDb()
        .then((db) => setUp(db, password))
        .catch((error: unknown) => {
          ready = undefined;
          throw error;
        });
      await ready;
      const conn = await take();
      let pid: number;
      try {
        const [row] = await conn.unsafe("select pg_backend_pid() as pid");
        pid = Number(row?.pid);
      } catch (error) {
        void conn.end({ timeout: 0 });
        give(undefined);
        throw error;
      }
      let killed = false;
      const terminate = async () => {
        killed = true;
        const db = await appDb();
        await db.execute(dsql`select pg_terminate_backend(${pid})`).catch(() => {});
      };
      return {
        async run(text, options = {}): Promise<RawResult> {
          if (options.simple) {
            await conn.unsafe(text).simple();
            return { fields: [], rows: [], total: 0, affected: null };
          }
          const query = conn.unsafe(text, (options.params ?? []) as never[]).raw();
          // statement_timeout stops a statement at the limit; these stop one that got around it
          // (a function trapping query_canceled, a setting changed through dynamic SQL).
          const limit = options.limited ? SQL_LIMITS.statementMs : 15_000;
          const cancel = setTimeout(() => query.cancel(), limit + 500);
          const kill = setTimeout(() => void terminate(), limit + 2_000);
          try {
            const result = await query;
            const rows = result as unknown as (Buffer | null)[][];
            return {
              fields: result.columns?.map((c) => ({ name: c.name, type: c.type })) ?? [],
              rows: rows
                .slice(0, SQL_LIMITS.rows + 1)
                .map((r) => r.map((v) => (v === null ? null : v.toString("utf8")))),
              total: rows.length,
              affected: typeof result.count === "number" ? result.count : null,
            };
          } catch (error) {
            const e = error as { message?: string; code?: string; position?: string };
            if (!killed && (e.code === "57P01" || /^CONNECTION_/.test(e.code ?? "")))
              throw new SqlFailure(
                "the statement ended the console's session; the next script gets a new one",
                { code: e.code },
              );
            if (killed)
              throw new SqlFailure(
                `canceling statement due to statement timeout: it ran longer than ${SQL_LIMITS.statementMs / 1000} s, the console's limit`,
                { code: TIMEOUT_CODE },
              );
            if (!/^[0-9A-Z]{5}$/.test(e.code ?? "")) throw error;
            throw new SqlFailure(
              e.code === TIMEOUT_CODE
                ? `${e.message}: it ran longer than ${SQL_LIMITS.statementMs / 1000} s, the console's limit`
                : String(e.message),
              { code: e.code, position: e.position ? Number(e.position) : undefined },
            );
          } finally {
            clearTimeout(cancel);
            clearTimeout(kill);
          }
        },
        async release(broken) {
          try {
            if (broken || killed) throw new Error("broken");
            await conn.unsafe("rollback").simple();
            // Whatever a script left on the session beyond its transaction: prepared
            // statements, advisory locks, held cursors, LISTEN, settings.
            await conn.unsafe("discard all").simple();
            give(conn);
          } catch {
            if (!killed) await terminate();
            void conn.end({ timeout: 0 });
            give(undefined);
          }
        },
      };
    },
  };
}
