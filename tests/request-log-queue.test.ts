import { EventEmitter } from "node:events";
import { and, eq, inArray, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as showSandbox } from "@/app/api/sandbox/route";
import { getDb } from "@/db";
import { requestLog } from "@/db/schema/sandboxes";
import { Timing } from "@/lib/http/timing";
import { logger } from "@/lib/logger";
import {
  flushRequestLogOnShutdown,
  logRequest,
  REQUEST_LOG_MAX_QUEUED,
  requestLogStats,
  requestLogWriter,
} from "@/lib/sandbox/request-log";
import { call, newSandboxKey } from "./harness";

async function newSandboxId(): Promise<string> {
  const key = await newSandboxKey();
  const res = await call(showSandbox, "/api/sandbox", {}, { key });
  return ((await res.json()) as { id: string }).id;
}

const finished = (sandboxId: string, requestId: string) => ({
  req: new NextRequest("http://localhost/api/v1/todos"),
  ctx: { requestId, timing: new Timing(), headers: new Headers(), subject: sandboxId },
  status: 200,
  duration: 1,
});

/** Holds a lock that keeps every INSERT into the request log waiting, until released. */
async function blockLogWrites() {
  const db = await getDb();
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const done = db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${requestLog} in share mode`);
    locked();
    await released;
  });
  await isLocked;
  return async () => {
    release();
    await done;
  };
}

describe("the request log queue", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("holds at most REQUEST_LOG_MAX_QUEUED entries while the database is slow: the rest are dropped, counted and logged", async () => {
    const sandboxId = await newSandboxId();
    const warn = vi.spyOn(logger, "warn");
    const before = requestLogStats();
    const unblock = await blockLogWrites();
    const total = REQUEST_LOG_MAX_QUEUED + 3;
    const settled = Array.from({ length: total }, (_, n) =>
      logRequest(finished(sandboxId, `queued-${n}`)),
    );
    expect(requestLogStats().queued).toBe(REQUEST_LOG_MAX_QUEUED);
    expect(requestLogStats().dropped - before.dropped).toBe(3);
    expect(warn).toHaveBeenCalledWith(
      { dropped: 1, droppedTotal: before.dropped + 1 },
      expect.stringContaining("queue full"),
    );
    await unblock();
    await Promise.all(settled);
    const after = requestLogStats();
    expect(after.queued).toBe(0);
    expect(after.written - before.written).toBe(REQUEST_LOG_MAX_QUEUED);
    // The newest queued entry is in the log (older ones were pruned as usual); the dropped
    // ones, which came last, never are.
    const db = await getDb();
    const ids = (ns: number[]) => ns.map((n) => `queued-${n}`);
    const found = await db
      .select({ requestId: requestLog.requestId })
      .from(requestLog)
      .where(
        and(
          eq(requestLog.sandboxId, sandboxId),
          inArray(requestLog.requestId, ids([REQUEST_LOG_MAX_QUEUED - 1, total - 3, total - 1])),
        ),
      );
    expect(found.map((r) => r.requestId)).toEqual(ids([REQUEST_LOG_MAX_QUEUED - 1]));
  });

  it("writes what is queued at once on SIGTERM and SIGINT, where the server handles those signals", async () => {
    const alone = new EventEmitter();
    flushRequestLogOnShutdown(alone);
    // Nobody else listens: a listener of ours would keep the process from exiting.
    expect(alone.listenerCount("SIGTERM")).toBe(0);

    const server = new EventEmitter();
    for (const signal of ["SIGTERM", "SIGINT"]) server.on(signal, () => {});
    flushRequestLogOnShutdown(server);
    const sandboxId = await newSandboxId();
    const unblock = await blockLogWrites();
    const flush = vi.spyOn(requestLogWriter(), "flush");
    const entries = Array.from({ length: 5 }, (_, n) =>
      logRequest(finished(sandboxId, `stop-${n}`)),
    );
    server.emit("SIGTERM");
    expect(flush).toHaveBeenCalledTimes(1);
    server.emit("SIGINT");
    expect(flush).toHaveBeenCalledTimes(2);
    await unblock();
    await Promise.all([...entries, ...flush.mock.results.map((r) => r.value)]);
    const db = await getDb();
    const rows = await db
      .select({ requestId: requestLog.requestId })
      .from(requestLog)
      .where(sql`${requestLog.requestId} like 'stop-%'`);
    expect(rows.map((r) => r.requestId).sort()).toEqual(
      Array.from({ length: 5 }, (_, n) => `stop-${n}`),
    );
  });
});
