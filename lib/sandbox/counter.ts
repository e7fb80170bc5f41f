import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { sandboxCounter } from "@/db/schema/sandboxes";

/**
 * Reserves `count` consecutive ids of the sequence `name` in one sandbox and returns the first.
 * The upsert locks the counter row, so concurrent creates in one sandbox queue up rather than
 * collide; different sandboxes never wait on each other.
 */
export async function claimIds(
  tx: Transaction,
  { sandboxId, name, count = 1 }: { sandboxId: string; name: string; count?: number },
): Promise<number> {
  const [row] = await tx
    .insert(sandboxCounter)
    .values({ sandboxId, name, value: count })
    .onConflictDoUpdate({
      target: [sandboxCounter.sandboxId, sandboxCounter.name],
      set: { value: sql`${sandboxCounter.value} + ${count}` },
    })
    .returning({ value: sandboxCounter.value })
    .prepare("claim_ids")
    .execute();
  if (!row) throw new Error(`counter ${name} returned no row`);
  return row.value - count + 1;
}
