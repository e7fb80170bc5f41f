import { and, desc, eq, lt, sql } from "drizzle-orm";
import { type Db, getDb } from "@/db";
import { type RequestLogEntry, requestLog } from "@/db/schema/sandboxes";
import type { Finished } from "@/lib/http/route";
import { logger } from "@/lib/logger";

import { REQUEST_LOG_KEEP } from "./request-log-size";

export { REQUEST_LOG_KEEP };

const PRUNE_EVERY = 20;
/** Lesson APIs are logged; the portal's own calls (sandbox, progress) are not. */
export const LOGGED_PREFIX = "/api/v1/";

/** Query parameters whose values look like secrets are kept in the log as `***`. */
const SECRET_PARAM =
  /(key|token|secret|password|passwd|pwd|auth|session|signature|sig|credential)/i;

/** The path and query as the log keeps them: secret-looking values masked, at most 500 characters. */
export function loggedPath(url: URL): string {
  const search = new URLSearchParams(url.search);
  for (const name of new Set(search.keys())) {
    if (SECRET_PARAM.test(name)) search.set(name, "***");
  }
  const query = search.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`.slice(0, 500);
}

/** Names (never values) of the request's headers, for checks such as "you sent If-Match". */
function headerNames(headers: Headers): string[] {
  return [...new Set([...headers.keys()])].filter((name) => name !== "cookie").slice(0, 40);
}

const column = (name: keyof typeof requestLog.$inferInsert) => sql.placeholder(name);

function buildInsert(db: Db) {
  return db
    .insert(requestLog)
    .values({
      sandboxId: column("sandboxId"),
      requestId: column("requestId"),
      method: column("method"),
      path: column("path"),
      status: column("status"),
      durationMs: column("durationMs"),
      spans: column("spans"),
      requestHeaders: column("requestHeaders"),
    })
    .returning({ id: requestLog.id })
    .prepare("log_request");
}

// Built once per database client and only executed per request (see listTodos for why).
const inserts = new WeakMap<Db, ReturnType<typeof buildInsert>>();

async function insertLogEntry() {
  const db = await getDb();
  let insert = inserts.get(db);
  if (!insert) {
    insert = buildInsert(db);
    inserts.set(db, insert);
  }
  return insert;
}

/**
 * Appends a lesson API request to its sandbox's log. Requests that were not identified as a
 * sandbox's (no key, an unknown key, or refused by the rate limit) belong to nobody and cost no
 * write. Failures are logged, never thrown: the caller already has their response.
 */
export async function logRequest({ req, ctx, status, duration }: Finished) {
  const id = ctx.subject;
  if (!id || !req.nextUrl.pathname.startsWith(LOGGED_PREFIX)) return;
  const requestId = ctx.requestId;
  try {
    const [row] = await (await insertLogEntry()).execute({
      sandboxId: id,
      requestId,
      method: req.method,
      path: loggedPath(req.nextUrl),
      status,
      durationMs: Math.round(duration),
      spans: ctx.timing.spans,
      requestHeaders: headerNames(req.headers),
    });
    if (row && row.id % PRUNE_EVERY === 0) await pruneRequestLog({ sandboxId: id });
  } catch (error) {
    logger.error({ err: error, requestId }, "could not write the request log");
  }
}

export async function pruneRequestLog({ sandboxId }: { sandboxId: string }) {
  const db = await getDb();
  const [oldestKept] = await db
    .select({ id: requestLog.id })
    .from(requestLog)
    .where(eq(requestLog.sandboxId, sandboxId))
    .orderBy(desc(requestLog.id))
    .offset(REQUEST_LOG_KEEP - 1)
    .limit(1);
  if (!oldestKept) return;
  await db
    .delete(requestLog)
    .where(and(eq(requestLog.sandboxId, sandboxId), lt(requestLog.id, oldestKept.id)));
}

/** The newest entries first. */
export async function listRequestLog({
  sandboxId,
  limit,
}: {
  sandboxId: string;
  limit: number;
}): Promise<RequestLogEntry[]> {
  const db = await getDb();
  return db
    .select()
    .from(requestLog)
    .where(eq(requestLog.sandboxId, sandboxId))
    .orderBy(desc(requestLog.id))
    .limit(limit);
}

export async function countRequestLog({ sandboxId }: { sandboxId: string }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(requestLog)
    .where(eq(requestLog.sandboxId, sandboxId));
  return row?.n ?? 0;
}
