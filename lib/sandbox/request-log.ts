import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { NextRequest } from "next/server";
import { type Db, getDb } from "@/db";
import { type RequestLogEntry, requestLog, type Span } from "@/db/schema";
import { logger } from "@/lib/logger";
import { findSandboxId } from "./sandboxes";

/** Entries kept per sandbox; older ones are pruned as new ones arrive. */
export const REQUEST_LOG_KEEP = 200;
const PRUNE_EVERY = 20;
/** Lesson APIs are logged; the portal's own calls (sandbox, progress) are not. */
export const LOGGED_PREFIX = "/api/v1/";

type Logged = {
  req: NextRequest;
  sandboxId?: string;
  requestId: string;
  status: number;
  duration: number;
  spans: Span[];
};

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
 * Appends a lesson API request to its sandbox's log. Requests that never named a sandbox (or named an unknown
 * one) belong to nobody and are not kept. Failures are logged, never thrown: the learner already
 * has their response.
 */
export async function logRequest({ req, sandboxId, requestId, status, duration, spans }: Logged) {
  if (!req.nextUrl.pathname.startsWith(LOGGED_PREFIX)) return;
  try {
    const id = sandboxId ?? (await findSandboxId({ req }));
    if (!id) return;
    const [row] = await (await insertLogEntry()).execute({
      sandboxId: id,
      requestId,
      method: req.method,
      path: `${req.nextUrl.pathname}${req.nextUrl.search}`.slice(0, 500),
      status,
      durationMs: Math.round(duration),
      spans,
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
