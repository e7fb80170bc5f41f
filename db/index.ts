import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import {
  dropKeptSnapshot,
  keepSnapshot,
  keptSnapshotFile,
  readKeptSnapshot,
} from "./kept-snapshot";

export type Db = PgDatabase<PgQueryResultHKT>;
/** What `db.transaction(tx => …)` hands its callback. */
export type Transaction = Parameters<Parameters<Db["transaction"]>[0]>[0];

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Any number that is ours alone: serializes migrations when several instances start at once. */
const MIGRATION_LOCK = 7_312_024;

// #region pool
/**
 * postgres.js's client options. While the server is down, a query waits for its connection's next
 * attempt, and by default the attempts back off exponentially up to 20 s, so requests would hang
 * that long. Retrying every 250 ms instead, a query fails at once (the API answers 503, see
 * db/unavailable.ts) and the first one after the server returns succeeds.
 */
export const POSTGRES_OPTIONS = {
  max: 10,
  onnotice: () => {},
  backoff: () => 0.25,
  connect_timeout: 5,
} as const;
// #endregion

// #region migrate
async function connectPostgres(url: string): Promise<Db> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const sql = postgres(url, POSTGRES_OPTIONS);
  // Migrations run on a client of their own with one connection, so the session-level advisory
  // lock and every migration statement share it; a reserved connection cannot run drizzle.
  const lockConnection = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(lockConnection), { migrationsFolder });
  } finally {
    await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    await lockConnection.end();
  }
  return drizzle(sql) as unknown as Db;
}
// #endregion

async function connectPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dataDir === "memory://";
  // PGlite creates its own folder but not the ones above it (`.data/` on a fresh clone).
  if (!inMemory) await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  if (!inMemory) {
    const client = await PGlite.create(dataDir);
    const db = drizzle(client);
    await migrate(db, { migrationsFolder });
    return db as unknown as Db;
  }
  // In memory (every test file has its own): start from a kept copy of the migrated database
  // (db/kept-snapshot.ts) when there is one, since initdb takes most of a second-long start.
  const file = keptSnapshotFile("pglite-migrated", await migrationInputs());
  const kept = readKeptSnapshot(file);
  if (kept) {
    try {
      const db = drizzle(await PGlite.create({ loadDataDir: new Blob([kept]) }));
      await migrate(db, { migrationsFolder });
      return db as unknown as Db;
    } catch (error) {
      logger.warn({ err: error, file }, "the kept migrated database did not load; migrating anew");
      dropKeptSnapshot(file);
    }
  }
  const client = await PGlite.create();
  const db = drizzle(client);
  await migrate(db, { migrationsFolder });
  await client.exec("checkpoint");
  keepSnapshot(file, await (await client.dumpDataDir("none")).arrayBuffer());
  return db as unknown as Db;
}

/** What the migrated database is made of: every migration file, with the journal, in order. */
async function migrationInputs(): Promise<string[]> {
  const files = [
    ...(await readdir(migrationsFolder)).filter((f) => f.endsWith(".sql")).sort(),
    path.join("meta", "_journal.json"),
  ];
  return Promise.all(
    files.map(async (f) => `${f}\n${await readFile(path.join(migrationsFolder, f), "utf8")}`),
  );
}

async function connect(): Promise<Db> {
  const { DATABASE_URL, PGLITE_DIR } = env();
  const db = DATABASE_URL ? await connectPostgres(DATABASE_URL) : await connectPglite(PGLITE_DIR);
  logger.info({ database: DATABASE_URL ? "postgres" : `pglite:${PGLITE_DIR}` }, "database ready");
  return db;
}

// #region one-client
// One client per process, kept on globalThis so hot reloads and Next's separate bundles
// (instrumentation, route handlers, pages) share it; PGlite allows one opener of its folder.
const globalForDb = globalThis as unknown as { bmjDb?: Promise<Db> };

/** The app's one database client, connected and migrated on first use. */
export function getDb(): Promise<Db> {
  globalForDb.bmjDb ??= connect().catch((error: unknown) => {
    globalForDb.bmjDb = undefined;
    throw error;
  });
  return globalForDb.bmjDb;
}
// #endregion
