import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/db";
import { postgresBackend } from "@/lib/sql-console/postgres-backend";
import type { ConsoleBackend, ConsoleSession } from "@/lib/sql-console/session";

/**
 * Where the app is not a superuser (a hosted Postgres: Neon, Supabase, RDS), it cannot turn
 * `track_activities` off for the console's role, so every session's running SQL is in
 * pg_stat_activity. Postgres shows a session's query only to roles with the privileges of the
 * role that logged in: console sessions must never share one.
 */
const adminUrl = process.env.DATABASE_URL;
const id = crypto.randomUUID().slice(0, 8);
const appRole = `bmj_t_app_${id}`;
const consoleRole = `bmj_t_console_${id}`;
const database = `bmj_t_nonsuper_${id}`;

let admin: postgres.Sql;
let app: postgres.Sql;
let backend: ConsoleBackend;
const held: ConsoleSession[] = [];

async function acquire(): Promise<ConsoleSession> {
  const session = await backend.acquire();
  held.push(session);
  return session;
}

describe.runIf(adminUrl)("the SQL console where the app is not a superuser (Postgres)", () => {
  beforeAll(async () => {
    admin = postgres(adminUrl as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${appRole} login createrole nosuperuser`);
    await admin.unsafe(`create database ${database} owner ${appRole}`);
    const url = new URL(adminUrl as string);
    url.username = appRole;
    url.pathname = `/${database}`;
    app = postgres(url.toString(), { max: 2, onnotice: () => {} });
    const [{ rolsuper } = { rolsuper: true }] =
      await app`select rolsuper from pg_roles where rolname = current_user`;
    expect(rolsuper).toBe(false);
    const db = drizzle(app) as unknown as Db;
    backend = postgresBackend(url.toString(), () => Promise.resolve(db), {
      role: consoleRole,
      slots: 4,
    });
  }, 60_000);

  afterAll(async () => {
    for (const session of held) await session.release(true).catch(() => {});
    await app?.end({ timeout: 1 });
    if (!admin) return;
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    const roles = await admin<{ rolname: string }[]>`
      select rolname from pg_roles where rolname like ${`${consoleRole}%`} order by length(rolname) desc`;
    for (const { rolname } of roles) await admin.unsafe(`drop role if exists ${rolname}`);
    await admin.unsafe(`drop role if exists ${appRole}`);
    await admin.end();
  }, 60_000);

  test("a script runs, on the teaching dataset", async () => {
    const session = await acquire();
    const result = await session.run("select count(*) from music.artists");
    expect(Number(result.rows[0]?.[0])).toBeGreaterThan(0);
    await session.release(false);
    held.splice(held.indexOf(session), 1);
  });

  test("one console session cannot read the SQL another is running", async () => {
    const a = await acquire();
    const b = await acquire();
    const pid = (await a.run("select pg_backend_pid()")).rows[0]?.[0];
    const secret = `another learner secret ${id}`;
    const running = a.run(`select pg_sleep(1.5), '${secret}'`);
    // The statement is under way once its backend says so to the app, which started it.
    await expect
      .poll(
        async () =>
          (await admin`select query from pg_stat_activity where pid = ${Number(pid)}`)[0]?.query,
        { timeout: 1_000, interval: 50 },
      )
      .toContain(secret);

    const seen = await b.run(
      `select query, state from pg_stat_activity where pid = ${Number(pid)}`,
    );
    expect(seen.rows).toEqual([["<insufficient privilege>", null]]);
    // Nor through the functions under the view.
    const direct = await b.run(
      "select count(*) from pg_stat_get_activity(null) where query like '%secret%' and pid <> pg_backend_pid()",
    );
    expect(direct.rows).toEqual([["0"]]);
    await running;
  });
});
