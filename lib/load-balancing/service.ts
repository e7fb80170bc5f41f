import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { visitCounter } from "@/db/schema/load-balancing";
import { instanceName } from "@/lib/http/instance";
import type { InstanceView, VisitView } from "./contract";

const startedAt = new Date(Date.now() - Math.round(process.uptime() * 1000));

// Deliberately in this process's memory: the one number here that differs between instances.
let servedHere = 0;

// #region instance
/** This instance: its name, how long it has run, and how many times it answered this question. */
export function describeInstance(): InstanceView {
  servedHere += 1;
  return {
    instance: instanceName(),
    startedAt: startedAt.toISOString(),
    uptimeSeconds: Math.floor(process.uptime()),
    servedHere,
  };
}
// #endregion

// #region visit
/**
 * One more visit of the sandbox, counted in Postgres: every instance reads and writes the same row,
 * so the count never restarts or forks when another instance serves the next request.
 */
export async function countVisit({ sandboxId }: { sandboxId: string }): Promise<VisitView> {
  const db = await getDb();
  const instance = instanceName();
  return db.transaction(async (tx) => {
    // The row is locked until commit, so two instances counting at once count one after the other.
    const [before] = await tx
      .select({ lastInstance: visitCounter.lastInstance })
      .from(visitCounter)
      .where(eq(visitCounter.sandboxId, sandboxId))
      .for("update");
    const [after] = await tx
      .insert(visitCounter)
      .values({ sandboxId, visits: 1, lastInstance: instance })
      .onConflictDoUpdate({
        target: visitCounter.sandboxId,
        set: {
          visits: sql`${visitCounter.visits} + 1`,
          lastInstance: instance,
          updatedAt: sql`now()`,
        },
      })
      .returning({ visits: visitCounter.visits });
    return {
      visits: after?.visits ?? 1,
      countedBy: instance,
      previousBy: before?.lastInstance ?? null,
    };
  });
}
// #endregion
