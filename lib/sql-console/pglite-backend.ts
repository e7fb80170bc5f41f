import path from "node:path";
import { Worker } from "node:worker_threads";
import {
  dropKeptSnapshot,
  keepSnapshot,
  keptSnapshotFile,
  readKeptSnapshot,
} from "@/db/kept-snapshot";
import { HttpProblem } from "@/lib/http/problem";
import { logger } from "@/lib/logger";
import { SQL_LIMITS } from "./contract";
import { DATASET_SQL } from "./dataset";
import {
  type ConsoleBackend,
  type ConsoleSession,
  type RawResult,
  SqlFailure,
  TIMEOUT_CODE,
} from "./session";

/**
 * The console on the embedded database. PGlite runs a query to its end in the thread that calls
 * it, with no statement_timeout, as a superuser. So the console's PGlite is another instance in a
 * worker thread, holding nothing but the teaching dataset; the app's thread times each statement
 * and terminates the worker when one runs past the limit (everything in it was to be rolled back
 * anyway), then starts another. The app's own database and thread are never involved.
 */

/** Session settings, restored after every script (DISCARD ALL resets them). */
export const SESSION_SQL =
  "set search_path = workspace; set timezone = 'UTC'; set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres';";

/** Scripts waiting for the one worker, at most; more are refused as busy. */
const MAX_WAITING = 16;

type Pending = { resolve: (r: RawResult) => void; reject: (e: Error) => void };

class ConsoleWorker {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  dead = false;

  constructor(dump: ArrayBuffer | undefined, onSnapshot: (snapshot: ArrayBuffer) => void) {
    const file = path.join(process.cwd(), "lib", "sql-console", "pglite-worker.mjs");
    const started = performance.now();
    this.worker = new Worker(file, {
      workerData: {
        dataset: DATASET_SQL,
        session: SESSION_SQL,
        rowLimit: SQL_LIMITS.rows,
        dump: dump?.slice(0),
      },
    });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.on("message", (message) => {
        if (message.ready) {
          if (message.snapshot) onSnapshot(message.snapshot);
          logger.info(
            {
              fromSnapshot: message.fromDump,
              datasetMs: Math.round(message.generatedMs),
              readyMs: Math.round(performance.now() - started),
            },
            "sql console: embedded database ready",
          );
          resolve();
          return;
        }
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.ok) waiting.resolve(message as RawResult);
        else waiting.reject(new SqlFailure(message.error.message, message.error));
      });
      const fail = (error: Error) => {
        this.dead = true;
        reject(error);
        // A statement that brought the console's database down fails; the next script gets a
        // new one.
        const stopped = new SqlFailure(
          "the console's database stopped while running this statement; it has been replaced",
          { code: "57P01" },
        );
        for (const waiting of this.pending.values()) waiting.reject(stopped);
        this.pending.clear();
      };
      this.worker.on("error", fail);
      this.worker.on("exit", () => fail(new Error("the console's database stopped")));
    });
    this.ready.catch((error) => logger.error({ err: error }, "sql console: worker failed"));
  }

  query(message: { sql: string; params?: unknown[]; simple?: boolean }, timeoutMs: number) {
    const id = this.next++;
    return new Promise<RawResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.kill();
        reject(
          new SqlFailure(
            `canceling statement due to statement timeout: it ran longer than ${timeoutMs / 1000} s, the console's limit`,
            { code: TIMEOUT_CODE },
          ),
        );
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.worker.postMessage({ id, ...message });
    });
  }

  kill() {
    this.dead = true;
    void this.worker.terminate();
  }
}

/** The kept copy of the generated dataset (db/kept-snapshot.ts), in `dir` when given. */
export function snapshotFile(dir?: string): string {
  return keptSnapshotFile("sql-dataset", DATASET_SQL, dir);
}

export function pgliteBackend(options: { snapshotDir?: string } = {}): ConsoleBackend {
  let current: ConsoleWorker | undefined;
  const file = snapshotFile(options.snapshotDir);
  let snapshot: ArrayBuffer | undefined = readKeptSnapshot(file);
  /** The copy read from disk, until a worker has loaded it (or failed to). */
  let kept = snapshot;
  let busy = false;
  const queue: (() => void)[] = [];

  const worker = () => {
    if (!current || current.dead)
      current = new ConsoleWorker(snapshot, (s) => {
        snapshot = s;
        keepSnapshot(file, s);
      });
    return current;
  };

  const ready = async (): Promise<ConsoleWorker> => {
    const usedKept = kept !== undefined && snapshot === kept;
    const w = worker();
    try {
      await w.ready;
      kept = undefined;
      return w;
    } catch (error) {
      current = undefined;
      if (!usedKept) throw error;
      // A kept copy that does not load (damaged, or made by an incompatible build) is dropped,
      // and the dataset is generated again, once.
      logger.warn(
        { err: error, file },
        "sql console: the kept dataset did not load; generating it",
      );
      kept = snapshot = undefined;
      dropKeptSnapshot(file);
      return ready();
    }
  };

  const releaseTurn = () => {
    busy = false;
    queue.shift()?.();
  };

  // Generous for our own setup statements (temporary tables, the learner's rows), which a busy
  // machine can slow; a learner's statement gets exactly the limit.
  const OWN_MS = 15_000;

  return {
    kind: "pglite",
    async acquire(): Promise<ConsoleSession> {
      if (busy) {
        if (queue.length >= MAX_WAITING)
          throw new HttpProblem(
            "sql-console-busy",
            "Too many scripts are waiting for the SQL console. Retry in a few seconds.",
            { headers: { "retry-after": "5" } },
          );
        await new Promise<void>((resolve) => queue.push(resolve));
      }
      busy = true;
      let w: ConsoleWorker;
      try {
        w = await ready();
      } catch (error) {
        current = undefined;
        releaseTurn();
        throw error;
      }
      return {
        run: (sql, options = {}) =>
          w.query(
            { sql, params: options.params, simple: options.simple },
            options.limited ? SQL_LIMITS.statementMs : OWN_MS,
          ),
        async release(broken) {
          try {
            if (broken || w.dead) w.kill();
            else {
              // One by one: several statements in one query run as one transaction block,
              // where DISCARD ALL may not.
              await w.query({ sql: "rollback", simple: true }, OWN_MS);
              await w.query({ sql: "discard all", simple: true }, OWN_MS);
              await w.query({ sql: SESSION_SQL, simple: true }, OWN_MS);
            }
          } catch {
            w.kill();
          } finally {
            // The replacement starts now, so the next script finds it (nearly) ready.
            if (w.dead) {
              current = undefined;
              worker();
            }
            releaseTurn();
          }
        },
      };
    },
  };
}
