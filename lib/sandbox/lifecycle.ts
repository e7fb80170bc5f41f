import { eq } from "drizzle-orm";
import { lessons } from "@/content/lessons";
import { getDb, type Transaction } from "@/db";
import { realworldSite } from "@/db/schema/blog-api";
import { lessonProgress, sandbox } from "@/db/schema/sandboxes";
import { invalidateCatalog } from "@/lib/caching-with-redis/cache";
import { HttpProblem } from "@/lib/http/problem";
import { hashSandboxKey, newSandboxKey } from "./keys";
import { lockSandboxForReset } from "./lock";
import { rememberSandbox } from "./lookup";
import { flushRequestLog } from "./request-log";

/** Every lesson's starting data, in reading order (a later lesson may build on an earlier one's). */
async function seedSandbox(tx: Transaction, sandboxId: string): Promise<void> {
  for (const lesson of lessons) {
    if (lesson.data?.seed) await lesson.data.seed(tx, sandboxId);
  }
}

/** Who a new sandbox belongs to: a portal account, which keeps the key sealed to hand it out again. */
export type SandboxOwner = { userId: string; sealedKey: (key: string) => string };

/**
 * A new sandbox with its lesson data seeded; the only time its key is known in clear (an
 * account's sandbox also keeps it sealed). `tx` runs it inside a caller's transaction.
 */
export async function createSandbox(
  owner?: SandboxOwner,
  tx?: Transaction,
): Promise<{ id: string; key: string }> {
  const key = newSandboxKey();
  const keyHash = hashSandboxKey(key);
  const insert = async (t: Transaction) => {
    const [row] = await t
      .insert(sandbox)
      .values({ keyHash, userId: owner?.userId, sealedKey: owner?.sealedKey(key) })
      .returning({ id: sandbox.id });
    if (!row) throw new Error("sandbox insert returned no row");
    await seedSandbox(t, row.id);
    return row.id;
  };
  const id = tx ? await insert(tx) : await (await getDb()).transaction(insert);
  rememberSandbox(keyHash, id);
  return { id, key };
}

/** Wipes every lesson's data and the request log, then seeds again. Progress is kept. */
export async function resetSandbox({ sandboxId }: { sandboxId: string }): Promise<void> {
  // Requests answered before the reset are filed first, so none lands in the fresh log.
  await flushRequestLog();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockSandboxForReset(tx, sandboxId);
    const [row] = await tx.select().from(sandbox).where(eq(sandbox.id, sandboxId));
    if (!row) throw new HttpProblem("not-found", "This sandbox no longer exists.");
    const progress = await tx
      .select()
      .from(lessonProgress)
      .where(eq(lessonProgress.sandboxId, sandboxId));
    // The blog's public RealWorld address stays what frontends were given (and on or off).
    const site = await tx
      .select()
      .from(realworldSite)
      .where(eq(realworldSite.sandboxId, sandboxId));
    // Every table of sandbox data references the sandbox with ON DELETE CASCADE (a test checks
    // it), so deleting the row and putting it back wipes them all, including later lessons' tables.
    await tx.delete(sandbox).where(eq(sandbox.id, sandboxId));
    await tx.insert(sandbox).values(row);
    if (progress.length > 0) await tx.insert(lessonProgress).values(progress);
    if (site.length > 0) await tx.insert(realworldSite).values(site);
    await seedSandbox(tx, sandboxId);
  });
  // The reseeded shop is not the one its cached catalog shows.
  await invalidateCatalog({ sandboxId });
}
