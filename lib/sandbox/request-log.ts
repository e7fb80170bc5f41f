import type { EventEmitter } from "node:events";
import { desc, eq, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { type RequestLogEntry, requestLog, sandbox } from "@/db/schema/sandboxes";
import type { Finished } from "@/lib/http/route";
import type { Span } from "@/lib/http/timing";
import { logger } from "@/lib/logger";
import { BatchWriter, type BatchWriterStats, type DropReason, reportEvery } from "./batch-writer";

import { REQUEST_LOG_KEEP } from "./request-log-size";

export { REQUEST_LOG_KEEP };

const PRUNE_EVERY = 20;
/**
 * Lesson APIs are logged (every version, and the Todo list versioned by header at /api/todos);
 * the portal's own calls (sandbox, progress) are not.
 */
export const LOGGED_PATH = /^\/api\/(v\d+\/|todos(\/|$))/;

/** Query parameters whose values look like secrets are kept in the log as `***`. */
const SECRET_PARAM =
  /(key|token|secret|password|passwd|pwd|auth|session|signature|sig|credential)/i;

/** The path and query as the log keeps them: secret-looking values masked, at most 500 characters. */
export function loggedPath(url: URL): string {
  // Most queries name nothing secret and escape nothing (an escape could spell a secret name):
  // kept as sent, without parsing them.
  if (!url.search.includes("%") && !SECRET_PARAM.test(url.search)) {
    return `${url.pathname}${url.search}`.slice(0, 500);
  }
  const search = new URLSearchParams(url.search);
  for (const name of new Set(search.keys())) {
    if (SECRET_PARAM.test(name)) search.set(name, "***");
  }
  const query = search.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`.slice(0, 500);
}

/** Names (never values) of the request's headers, for checks such as "you sent If-Match". */
function headerNames(headers: Headers): string[] {
  // Headers iterates each name once, lower-cased.
  const names: string[] = [];
  for (const name of headers.keys()) {
    if (name !== "cookie") names.push(name);
    if (names.length === 40) break;
  }
  return names;
}

type NewEntry = {
  sandbox_id: string;
  request_id: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  spans: Span[];
  request_headers: string[];
  created_at: string;
};

/** Entries waiting beyond this many are dropped (and counted): the queue never grows without bound. */
export const REQUEST_LOG_MAX_QUEUED = 10_000;
/** At most this many entries go in one INSERT. */
const MAX_BATCH = 500;
/** Under load, at most one INSERT every this many ms, so entries share it; a lone entry goes at once. */
const MIN_WRITE_INTERVAL_MS = 25;
/** A batch that cannot be written (the database away) is retried this long, then dropped. */
const RETRY_FOR_MS = 10_000;
/** Drops are logged at once, then summed up at most once per this many ms. */
const DROP_REPORT_MS = 10_000;

/**
 * Deletes all but the newest REQUEST_LOG_KEEP entries of each sandbox in `sandboxIds` (a SQL set):
 * those older than its KEEP-th newest entry. Finding that entry walks only the newest KEEP index
 * entries, and the DELETE is one index range below it. (`offset KEEP` over everything older, as
 * this was first written, visits every older index entry on each prune, dead ones that autovacuum
 * has not reclaimed yet included: measured under load, its cost grew to 2 to 9 times the INSERT's.)
 */
const pruneOlder = (sandboxIds: SQL) => sql`
  delete from ${requestLog} l using (
    select s.sandbox_id, (
      select r.id from ${requestLog} r where r.sandbox_id = s.sandbox_id
      order by r.id desc offset ${sql.raw(String(REQUEST_LOG_KEEP - 1))} limit 1
    ) as oldest_kept
    from ${sandboxIds} as s(sandbox_id)
  ) k
  where l.sandbox_id = k.sandbox_id and l.id < k.oldest_kept`;

/**
 * One statement per batch, the entries sent as one JSON parameter: the INSERT, and the pruning of
 * every sandbox that got an id divisible by PRUNE_EVERY (about once per PRUNE_EVERY of its
 * entries). Entries of a sandbox deleted meanwhile are skipped (its log went with it); ids are
 * handed out in the order the requests finished. The pruning sees the log as it was before this
 * INSERT, so a sandbox keeps at most REQUEST_LOG_KEEP + one batch + PRUNE_EVERY entries.
 */
async function writeEntries(entries: NewEntry[]): Promise<void> {
  const db = await getDb();
  const json = JSON.stringify(entries.map((entry, seq) => ({ seq, ...entry })));
  await db.execute(sql`
    with written as (
      insert into ${requestLog} (sandbox_id, request_id, method, path, status, duration_ms, spans, request_headers, created_at)
      select x.sandbox_id, x.request_id, x.method, x.path, x.status, x.duration_ms, x.spans, x.request_headers, x.created_at
      from jsonb_to_recordset(${json}::jsonb) as x(
        seq int, sandbox_id uuid, request_id text, method text, path text, status int,
        duration_ms int, spans jsonb, request_headers jsonb, created_at timestamptz)
      where exists (select 1 from ${sandbox} where ${sandbox.id} = x.sandbox_id)
      order by x.seq
      returning id, sandbox_id
    )
    ${pruneOlder(sql`(select distinct sandbox_id from written where id % ${sql.raw(String(PRUNE_EVERY))} = 0)`)}`);
}

const reportQueueFull = reportEvery(DROP_REPORT_MS, (dropped) =>
  logger.warn(
    { dropped, droppedTotal: requestLogWriter().stats().dropped },
    `request log: queue full (${REQUEST_LOG_MAX_QUEUED} entries waiting), entries dropped`,
  ),
);

function reportDropped(count: number, reason: DropReason, error?: unknown) {
  if (reason === "queue-full") {
    reportQueueFull(count);
    return;
  }
  logger.error(
    { err: error, dropped: count, droppedTotal: requestLogWriter().stats().dropped },
    "request log: a batch could not be written; its entries were dropped",
  );
}

// One queue per process, on globalThis: every bundle of the server (each route, each page) must
// add to and flush the same one.
const globalForLog = globalThis as { bmjRequestLog?: BatchWriter<NewEntry> };

/** The process's request log queue (tests look at it). */
export function requestLogWriter(): BatchWriter<NewEntry> {
  globalForLog.bmjRequestLog ??= new BatchWriter<NewEntry>({
    write: writeEntries,
    maxQueued: REQUEST_LOG_MAX_QUEUED,
    maxBatch: MAX_BATCH,
    minIntervalMs: MIN_WRITE_INTERVAL_MS,
    retryForMs: RETRY_FOR_MS,
    onDrop: reportDropped,
    onRetry: (error, entries) =>
      logger.warn({ err: error, entries }, "request log: could not write a batch; retrying"),
  });
  return globalForLog.bmjRequestLog;
}

/**
 * Files a lesson API request in its sandbox's log. Requests that were not identified as a
 * sandbox's (no key, an unknown key, or refused by the rate limit) belong to nobody and cost no
 * write. The entry is queued and written with others in one INSERT after the response; the
 * promise settles once it is written (or dropped and counted: a full queue, or a database away
 * for longer than RETRY_FOR_MS), and never rejects.
 */
export function logRequest({ req, ctx, status, duration }: Finished): Promise<void> | undefined {
  const id = ctx.subject;
  if (!id) return undefined;
  const url = req.nextUrl;
  if (!LOGGED_PATH.test(url.pathname)) return undefined;
  return requestLogWriter().add({
    sandbox_id: id,
    request_id: ctx.requestId,
    method: req.method,
    path: loggedPath(url),
    status,
    duration_ms: Math.round(duration),
    spans: ctx.timing.spans,
    request_headers: headerNames(req.headers),
    created_at: new Date().toISOString(),
  });
}

/** Writes every entry this process has queued; reads of the log call it first, so they see them. */
export function flushRequestLog(): Promise<void> {
  return globalForLog.bmjRequestLog?.flush() ?? Promise.resolve();
}

/**
 * On a shutdown signal, writes what is queued at once rather than after the usual interval. Only
 * where something else (Next's server) already handles the signal: a listener of ours alone
 * would keep the process from exiting on it.
 */
export function flushRequestLogOnShutdown(
  target: Pick<EventEmitter, "on" | "listenerCount"> = process,
  signals: readonly NodeJS.Signals[] = ["SIGTERM", "SIGINT"],
): void {
  for (const signal of signals) {
    if (target.listenerCount(signal) === 0) continue;
    target.on(signal, () => {
      void flushRequestLog();
    });
  }
}

/** How the queue is doing: entries waiting, written, dropped (and why they would be). */
export function requestLogStats(): BatchWriterStats {
  return requestLogWriter().stats();
}

export async function pruneRequestLog({ sandboxId }: { sandboxId: string }) {
  await flushRequestLog();
  const db = await getDb();
  await db.execute(pruneOlder(sql`(values (${sandboxId}::uuid))`));
}

/** The newest entries first. */
export async function listRequestLog({
  sandboxId,
  limit,
}: {
  sandboxId: string;
  limit: number;
}): Promise<RequestLogEntry[]> {
  await flushRequestLog();
  const db = await getDb();
  return db
    .select()
    .from(requestLog)
    .where(eq(requestLog.sandboxId, sandboxId))
    .orderBy(desc(requestLog.id))
    .limit(limit);
}

export async function countRequestLog({ sandboxId }: { sandboxId: string }): Promise<number> {
  await flushRequestLog();
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(requestLog)
    .where(eq(requestLog.sandboxId, sandboxId));
  return row?.n ?? 0;
}
