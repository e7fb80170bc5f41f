// The benchmark's own throwaway database, and the few direct queries that keep runs comparable.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";

const quiet = { onnotice: () => {} };

/** Creates `bmj_bench_<random>` on the server of `adminUrl`; returns its name and URL. */
export async function createDatabase(adminUrl) {
  const name = `bmj_bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, ...quiet });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(adminUrl, name) {
  if (!/^bmj_bench_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const admin = postgres(adminUrl, { max: 1, ...quiet });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/**
 * The Postgres server's main process (the parent of every backend), when it runs on this machine
 * and /proc shows it: its CPU time, backends included, is what the database spent. Undefined for
 * a remote server or where /proc is not there.
 */
export async function postgresServerProcess(url) {
  const sql = postgres(url, { max: 1, ...quiet });
  try {
    const [{ pid }] = await sql`select pg_backend_pid() as pid`;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // ppid is the 4th field of stat, the 2nd after the command name.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) && ppid > 1 ? { pid: ppid } : undefined;
  } catch {
    return undefined;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Direct access to the bench database, for resets between scenarios and reading the log. */
export function benchDb(url) {
  const sql = postgres(url, { max: 2, ...quiet });
  return {
    end: () => sql.end({ timeout: 5 }),

    async sandboxIdForKey(key) {
      const keyHash = createHash("sha256").update(key).digest("hex");
      const [row] = await sql`select id from sandbox where key_hash = ${keyHash}`;
      if (!row) throw new Error("the sandbox key names no sandbox in the bench database");
      return row.id;
    },

    /** Remembers the todos every sandbox holds now, for `resetTodos` to return to. */
    async snapshotTodos() {
      await sql`
        create table bench_baseline as
        select sandbox_id, max(id) as max_id from todo group by sandbox_id`;
    },

    /**
     * Once the servers are quiet, deletes every todo written since `snapshotTodos` and vacuums
     * what the runs wrote; returns how many todos `sandboxId` holds.
     */
    async resetTodos(sandboxId) {
      await this.settle();
      await sql`
        delete from todo t using bench_baseline b
        where t.sandbox_id = b.sandbox_id and t.id > b.max_id`;
      await sql`vacuum analyze`;
      const [{ n }] =
        await sql`select count(*)::int as n from todo where sandbox_id = ${sandboxId}`;
      return n;
    },

    /**
     * While POSTs run, deletes all but the newest `keep` todos written since `snapshotTodos`, so
     * a sandbox never reaches the Todo API's cap of 1,000 (whose 409s would be measured instead).
     * Runs for the next and the bare rows alike.
     */
    async trimTodos(sandboxId, keep) {
      await sql`
        delete from todo t using bench_baseline b
        where t.sandbox_id = b.sandbox_id and t.sandbox_id = ${sandboxId} and t.id > b.max_id
          and t.id <= (select max(id) - ${keep} from todo where sandbox_id = ${sandboxId})`;
    },

    /**
     * Waits until the servers' work from the last run has drained: requests still queued when the
     * load stopped, and request-log writes done after the response. Quiet means no other session
     * on this database is busy and no todo or log row has appeared, for `polls` checks in a row.
     */
    async settle({ polls = 4, intervalMs = 250, timeoutMs = 60_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      let last = "";
      let quiet = 0;
      while (Date.now() < deadline && quiet < polls) {
        const [row] = await sql`
          select
            (select count(*) from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid()
                and state is not null and state <> 'idle')::int as busy,
            (select coalesce(max(id), 0) from request_log)::int as log,
            (select count(*) from todo)::int as todos`;
        const now = `${row.log}/${row.todos}`;
        quiet = row.busy === 0 && now === last ? quiet + 1 : 0;
        last = now;
        await sleep(intervalMs);
      }
    },

    /**
     * The newest request-log entries our route wrote for `method` since `afterId`, in one sandbox
     * or all (the bare server's request ids start with "bare-").
     */
    async routeLogEntries({ sandboxId, method, afterId, limit = 200 }) {
      const inSandbox = sandboxId ? sql`and sandbox_id = ${sandboxId}` : sql``;
      return sql`
        select duration_ms as "durationMs", spans from request_log
        where method = ${method} and id > ${afterId} and request_id not like 'bare-%' ${inSandbox}
        order by id desc limit ${limit}`;
    },

    async maxLogId() {
      const [{ m }] = await sql`select coalesce(max(id), 0)::int as m from request_log`;
      return m;
    },
  };
}
