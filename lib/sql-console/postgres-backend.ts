import { createHmac } from "node:crypto";
import { sql as dsql } from "drizzle-orm";
import type { Db } from "@/db";
import { quoteIdent, quoteLiteral } from "@/db/quote";
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
 * The console on a real Postgres. CONSOLE_ROLE owns the teaching dataset (so CREATE INDEX works
 * inside the rolled-back transaction) and a scratch schema, and reads none of the app's tables.
 * Learner SQL runs in sessions that log in as its members `<role>_1` … `<role>_<slots>`, each
 * allowed one connection: Postgres shows a session's running SQL (pg_stat_activity) only to roles
 * with the privileges of the role it logged in as, and no two console sessions, on this instance
 * or another, ever share one. (Turning `track_activities` off would hide it too, but only a
 * superuser may, and hosted Postgres gives the app no superuser.) Since the session user itself is
 * unprivileged, RESET ROLE or SET SESSION AUTHORIZATION lead nowhere. Its connections are a small
 * pool of their own, so the console can never take the app's.
 */
export const CONSOLE_ROLE = "bmj_sql_console";
/** Console connections at once, over every instance: one login role each. */
export const CONSOLE_SLOTS = 24;
const POOL_SIZE = 3;
const MAX_WAITING = 16;
/** Ours alone: serializes the role and dataset setup when several instances start at once. */
const SETUP_LOCK = 7_312_025;
/** Postgres' too_many_connections: here, that slot's role is already connected (elsewhere). */
const SLOT_TAKEN = "53300";

type Roles = { group: string; slots: string[] };

/** A role's password: derived from the app's own, so every instance agrees and none stores it. */
function consolePassword(url: URL, role: string): string | undefined {
  if (!url.password) return undefined;
  return createHmac("sha256", decodeURIComponent(url.password)).update(role).digest("hex");
}

async function setUp(db: Db, roles: Roles, url: URL): Promise<void> {
  const group = quoteIdent(roles.group);
  const run = (text: string) => db.execute(dsql.raw(text));
  const optional = async (text: string) => {
    try {
      await run(text);
    } catch (error) {
      logger.warn({ err: error, statement: text }, "sql console: optional setup step refused");
    }
  };
  await db.transaction(async (tx) => {
    const exec = (text: string) => tx.execute(dsql.raw(text));
    await tx.execute(dsql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const [me] = (await tx.execute(
      dsql`select rolsuper from pg_roles where rolname = current_user`,
    )) as unknown as { rolsuper: boolean }[];
    const superuser = me?.rolsuper === true;
    const ensure = (name: string, login: boolean) =>
      exec(`do $$ begin
        if not exists (select from pg_roles where rolname = ${quoteLiteral(name)}) then
          create role ${quoteIdent(name)} ${login ? "login" : "nologin"};
        end if;
      end $$`);
    // The group logs in nowhere (it did once: older versions ran scripts as it).
    await ensure(roles.group, false);
    await exec(`alter role ${group} with nologin inherit`);
    for (const name of roles.slots) {
      const role = quoteIdent(name);
      const password = consolePassword(url, name);
      await ensure(name, true);
      await exec(
        `alter role ${role} with login inherit connection limit 1 ${password ? `password ${quoteLiteral(password)}` : ""}`,
      );
      await exec(`grant ${group} to ${role}`);
      // The app ends a runaway session's backend: Postgres lets it signal only roles it is.
      if (!superuser) await exec(`grant ${role} to current_user`);
      for (const setting of [
        `statement_timeout = '${SQL_LIMITS.statementMs}ms'`,
        "idle_in_transaction_session_timeout = '10s'",
        "work_mem = '16MB'",
        "search_path = workspace",
        // Plans as on the embedded database (which has no parallel workers), so a lesson's
        // EXPLAIN reads the same on both.
        "max_parallel_workers_per_gather = 0",
      ])
        await exec(`alter role ${role} set ${setting}`);
    }
    // None of them may hold an attribute that escapes the sandbox (only a superuser can grant
    // one, and only a superuser can take it away).
    const names = [roles.group, ...roles.slots];
    const privileged = (await tx.execute(
      dsql`select rolname from pg_roles where rolname in (${dsql.join(
        names.map((n) => dsql`${n}`),
        dsql`, `,
      )}) and (rolsuper or rolcreatedb or rolcreaterole or rolreplication or rolbypassrls)`,
    )) as unknown as { rolname: string }[];
    for (const { rolname } of privileged)
      await exec(
        `alter role ${quoteIdent(rolname)} with nosuperuser nocreatedb nocreaterole noreplication nobypassrls`,
      );
    // Handing the dataset to the group takes membership in it.
    if (!superuser) await exec(`grant ${group} to current_user`);
    const [row] = (await tx.execute(
      dsql`select obj_description(oid, 'pg_namespace') as version from pg_namespace where nspname = 'music'`,
    )) as unknown as { version: string | null }[];
    if (row?.version !== DATASET_VERSION) {
      const started = performance.now();
      await exec("drop schema if exists music cascade");
      await exec("create schema music");
      for (const statement of DATASET_SQL) await exec(statement);
      await exec(`comment on schema music is '${DATASET_VERSION}'`);
      logger.info(
        { ms: Math.round(performance.now() - started) },
        "sql console: teaching dataset generated",
      );
    }
    // CREATE too: an index lives in its table's schema (rolled back with the script, as all).
    await exec(`grant usage, create on schema music to ${group}`);
    for (const table of ["artists", "albums", "tracks", "listeners", "plays"])
      await exec(`alter table music.${table} owner to ${group}`);
    await exec(`create schema if not exists workspace authorization ${group}`);
    // Postgres 15 already denies CREATE on public to PUBLIC; older servers do not.
    await exec("revoke create on schema public from public");
  });
  // Settings only a superuser may pin on a role; elsewhere the app's watchdog still bounds them.
  for (const name of roles.slots) {
    await optional(`alter role ${quoteIdent(name)} set temp_file_limit = '64MB'`);
    await optional(`alter role ${quoteIdent(name)} set track_activities = off`);
  }
}

export function postgresBackend(
  databaseUrl: string,
  appDb: () => Promise<Db>,
  options: { role?: string; slots?: number } = {},
): ConsoleBackend {
  const url = new URL(databaseUrl);
  const group = options.role ?? CONSOLE_ROLE;
  const roles: Roles = {
    group,
    slots: Array.from({ length: options.slots ?? CONSOLE_SLOTS }, (_, i) => `${group}_${i + 1}`),
  };
  type Sql = import("postgres").Sql;
  /** One connection, logged in as one slot's role, used by one script at a time. */
  type Conn = { sql: Sql; slot: number; reap?: ReturnType<typeof setTimeout> };
  let ready: Promise<void> | undefined;
  const idle: Conn[] = [];
  /** Slots this instance is connected as. */
  const held = new Set<number>();
  let open = 0;
  const waiting: { resolve: (conn: Conn) => void; reject: (error: unknown) => void }[] = [];
  const busy = (detail: string) =>
    new HttpProblem("sql-console-busy", detail, { headers: { "retry-after": "5" } });

  const loginUrl = (slot: number): string => {
    const name = roles.slots[slot] as string;
    const login = new URL(url);
    login.username = name;
    login.password = consolePassword(url, name) ?? "";
    return login.toString();
  };

  /** A connection as the first slot no session anywhere holds (Postgres counts them). */
  const connect = async (): Promise<Conn> => {
    const { default: postgres } = await import("postgres");
    const offset = Math.floor(Math.random() * roles.slots.length);
    for (let i = 0; i < roles.slots.length; i++) {
      const slot = (offset + i) % roles.slots.length;
      if (held.has(slot)) continue;
      held.add(slot);
      // Clients of their own, on purpose: other roles, and connections the console cannot grow
      // past, so it never takes the app's.
      const sql = postgres(loginUrl(slot), {
        max: 1,
        prepare: false,
        fetch_types: false,
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
      try {
        await sql.unsafe("select 1").simple();
        return { sql, slot };
      } catch (error) {
        void sql.end({ timeout: 0 });
        held.delete(slot);
        if ((error as { code?: string }).code !== SLOT_TAKEN) throw error;
      }
    }
    throw busy("Every SQL console connection is in use. Retry in a few seconds.");
  };

  const take = async (): Promise<Conn> => {
    const free = idle.pop();
    if (free) {
      clearTimeout(free.reap);
      return free;
    }
    if (open < POOL_SIZE) {
      open++;
      try {
        return await connect();
      } catch (error) {
        open--;
        wake();
        throw error;
      }
    }
    if (waiting.length >= MAX_WAITING)
      throw busy("Too many scripts are waiting for the SQL console. Retry in a few seconds.");
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };

  /** A place came free: the next waiting script tries for it. */
  function wake() {
    const next = waiting.shift();
    if (next) take().then(next.resolve, next.reject);
  }

  const close = (conn: Conn) => {
    void conn.sql.end({ timeout: 0 });
    held.delete(conn.slot);
    open--;
    wake();
  };

  const give = (conn: Conn) => {
    const next = waiting.shift();
    if (next) return next.resolve(conn);
    // An idle minute gives the slot back, for other instances.
    conn.reap = setTimeout(() => {
      idle.splice(idle.indexOf(conn), 1);
      close(conn);
    }, 60_000);
    conn.reap.unref?.();
    idle.push(conn);
  };

  /** A connection and its backend's pid, asked each time: a dropped connection comes back anew. */
  const session = async (retry = true): Promise<{ conn: Conn; pid: number }> => {
    const conn = await take();
    try {
      const [row] = await conn.sql.unsafe("select pg_backend_pid() as pid");
      return { conn, pid: Number(row?.pid) };
    } catch (error) {
      close(conn);
      if (!retry) throw error;
      return session(false);
    }
  };

  return {
    kind: "postgres",
    async acquire(): Promise<ConsoleSession> {
      ready ??= appDb()
        .then((db) => setUp(db, roles, url))
        .catch((error: unknown) => {
          ready = undefined;
          throw error;
        });
      await ready;
      const { conn, pid } = await session();
      let killed = false;
      const terminate = async () => {
        killed = true;
        const db = await appDb();
        await db.execute(dsql`select pg_terminate_backend(${pid})`).catch(() => {});
      };
      return {
        async run(text, options = {}): Promise<RawResult> {
          if (options.simple) {
            await conn.sql.unsafe(text).simple();
            return { fields: [], rows: [], total: 0, affected: null };
          }
          const query = conn.sql.unsafe(text, (options.params ?? []) as never[]).raw();
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
            await conn.sql.unsafe("rollback").simple();
            // Whatever a script left on the session beyond its transaction: prepared
            // statements, advisory locks, held cursors, LISTEN, settings.
            await conn.sql.unsafe("discard all").simple();
            give(conn);
          } catch {
            if (!killed) await terminate();
            close(conn);
          }
        },
      };
    },
  };
}
