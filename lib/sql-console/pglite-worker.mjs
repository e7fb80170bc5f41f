// The SQL console's embedded database: a PGlite of its own, in a worker thread, holding only the
// teaching dataset and, during one request, one learner's copied rows. The app's thread sends it
// one query at a time and terminates it when a statement runs past the limit (PGlite has no
// statement_timeout and never yields while a query runs). Not bundled: loaded by path.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const { dataset, session, rowLimit, dump } = workerData;

// The first worker generates the dataset and hands back a copy of its data directory; the ones
// that replace it start from that copy, which takes a fraction of the time.
const started = performance.now();
let db;
let snapshot;
if (dump) {
  db = await PGlite.create({ loadDataDir: new Blob([dump]) });
} else {
  db = await PGlite.create();
  await db.exec("create schema music; create schema workspace;");
  for (const statement of dataset) await db.exec(statement);
  await db.exec("checkpoint");
  snapshot = await (await db.dumpDataDir("none")).arrayBuffer();
}
const generatedMs = performance.now() - started;

// Every type's values stay in Postgres' text form: the app's thread decodes them, as it does
// Postgres'. Types created by a script are unknown to PGlite, which leaves those as text too.
const text = (value) => value;
const parsers = {};
for (const { oid } of (await db.query("select oid::int as oid from pg_type")).rows)
  parsers[oid] = text;

await db.exec(session);

function failure(error) {
  return {
    message: String(error?.message ?? error),
    position: error?.position ? Number(error.position) : undefined,
    code: error?.code,
  };
}

parentPort.on("message", async ({ id, sql, params, simple }) => {
  try {
    if (simple) {
      await db.exec(sql);
      parentPort.postMessage({ id, ok: true, fields: [], rows: [], total: 0, affected: null });
      return;
    }
    const result = await db.query(sql, params ?? [], { rowMode: "array", parsers });
    const rows = result.rows.slice(0, rowLimit + 1);
    parentPort.postMessage({
      id,
      ok: true,
      fields: result.fields.map((f) => ({ name: f.name, type: f.dataTypeID })),
      rows: rows.map((row) => row.map((v) => (v === null || v === undefined ? null : String(v)))),
      total: result.rows.length,
      affected: result.affectedRows ?? null,
    });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: failure(error) });
  }
});

parentPort.postMessage(
  { ready: true, generatedMs, fromDump: Boolean(dump), snapshot },
  snapshot ? [snapshot] : [],
);
