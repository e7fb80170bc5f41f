import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { getDb } from "@/db";

// Advisory locks in the two-key space, namespaced by this number, keyed by the sandbox.
const SANDBOX_LOCKS = 1;
const key = (sandboxId: string) => sql`${SANDBOX_LOCKS}, hashtext(${sandboxId})`;

/**
 * A transaction for writes to one sandbox's lesson data. Writes share the sandbox's lock, so
 * they run side by side; a reset takes it alone (`lockSandboxForReset`) and waits for them, so a
 * write never races the wipe into a deadlock or a half-reset sandbox.
 */
export async function sandboxTransaction<T>(
  sandboxId: string,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${key(sandboxId)})`);
    return work(tx);
  });
}

export async function lockSandboxForReset(tx: Transaction, sandboxId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key(sandboxId)})`);
}
