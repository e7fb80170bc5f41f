import { eq, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { user } from "@/db/schema/accounts";
import { lessonProgress, type Sandbox, sandbox } from "@/db/schema/sandboxes";
import { hashSandboxKey, isSandboxKeyFormat, newSandboxKey } from "@/lib/sandbox/keys";
import { createSandbox } from "@/lib/sandbox/lifecycle";
import { lockSandboxForReset } from "@/lib/sandbox/lock";
import { forgetSandbox, rememberSandbox } from "@/lib/sandbox/lookup";
import { sealKey, unsealKey } from "./seal";

/**
 * A signed-in learner has one sandbox (sandbox.user_id), the same on every device: signing in
 * hands the browser its key. Every change here first locks the user's row, so two sign-ins (or a
 * sign-in and a first request) of one account never both give it a sandbox.
 */

/** Locks the user's row for this transaction; false when the user no longer exists. */
async function lockUser(tx: Transaction, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: user.id })
    .from(user)
    .where(eq(user.id, userId))
    .for("update");
  return row !== undefined;
}

async function sandboxOf(tx: Transaction, userId: string): Promise<Sandbox | undefined> {
  const [row] = await tx.select().from(sandbox).where(eq(sandbox.userId, userId));
  return row;
}

/**
 * The key of an account's sandbox, unsealed. A key sealed with another AUTH_SECRET cannot be
 * read back: the sandbox gets a new key (its data stays), and the old one stops working.
 */
async function keyOf(tx: Transaction, row: Sandbox): Promise<string> {
  const kept = row.sealedKey ? unsealKey(row.sealedKey) : undefined;
  if (kept && hashSandboxKey(kept) === row.keyHash) return kept;
  const key = newSandboxKey();
  const keyHash = hashSandboxKey(key);
  await tx
    .update(sandbox)
    .set({ keyHash, sealedKey: sealKey(key) })
    .where(eq(sandbox.id, row.id));
  forgetSandbox(row.keyHash);
  rememberSandbox(keyHash, row.id);
  return key;
}

/** What signing in did with the browser's sandbox. */
export type SignInSandbox = {
  /** The key the browser should hold now; undefined: the account has no sandbox yet. */
  key: string | undefined;
  outcome:
    | "none" // no sandbox on either side
    | "kept" // the account's sandbox, nothing anonymous to bring in
    | "claimed" // the browser's anonymous sandbox became the account's
    | "merged"; // the anonymous progress joined the account's sandbox; the anonymous one is gone
  /** Lessons the anonymous sandbox had done that the account's had not. */
  lessonsAdded: string[];
};

/**
 * Runs at every sign-in, with the key of the sandbox the browser held (if any):
 *
 * - The account has no sandbox: the browser's anonymous sandbox becomes the account's, as it is
 *   (data, request log, progress, key).
 * - The account has one: the anonymous sandbox's progress is added to it (a lesson done on either
 *   side is done, with the earlier date), and the anonymous sandbox is deleted with its lesson
 *   data and request log. Lesson data is practice data, seeded and reset at will; merging two
 *   sets of todos would renumber them and change what the learner's own requests showed.
 *
 * A sandbox that already belongs to an account (another learner's, left in a shared browser) is
 * never merged: the browser simply gets this account's key instead.
 */
export async function signInSandbox({
  userId,
  browserKey,
}: {
  userId: string;
  browserKey?: string;
}): Promise<SignInSandbox> {
  const db = await getDb();
  const forgotten: string[] = [];
  const result = await db.transaction(async (tx): Promise<SignInSandbox> => {
    if (!(await lockUser(tx, userId))) return { key: undefined, outcome: "none", lessonsAdded: [] };
    const mine = await sandboxOf(tx, userId);
    const [browser] =
      browserKey && isSandboxKeyFormat(browserKey)
        ? await tx
            .select()
            .from(sandbox)
            .where(eq(sandbox.keyHash, hashSandboxKey(browserKey)))
        : [];
    const anonymous = browser && browser.userId === null ? browser : undefined;
    if (!mine) {
      if (!anonymous || !browserKey) return { key: undefined, outcome: "none", lessonsAdded: [] };
      await tx
        .update(sandbox)
        .set({ userId, sealedKey: sealKey(browserKey) })
        .where(eq(sandbox.id, anonymous.id));
      return { key: browserKey, outcome: "claimed", lessonsAdded: [] };
    }
    const key = await keyOf(tx, mine);
    if (!anonymous) return { key, outcome: "kept", lessonsAdded: [] };
    await lockSandboxForReset(tx, mine.id);
    await lockSandboxForReset(tx, anonymous.id);
    const before = await tx
      .select({ slug: lessonProgress.lessonSlug })
      .from(lessonProgress)
      .where(eq(lessonProgress.sandboxId, mine.id));
    await tx.execute(sql`
      insert into ${lessonProgress} (sandbox_id, lesson_slug, completed_at)
      select ${mine.id}, lesson_slug, completed_at from ${lessonProgress}
      where sandbox_id = ${anonymous.id}
      on conflict (sandbox_id, lesson_slug)
      do update set completed_at = least(${lessonProgress.completedAt}, excluded.completed_at)`);
    const after = await tx
      .select({ slug: lessonProgress.lessonSlug })
      .from(lessonProgress)
      .where(eq(lessonProgress.sandboxId, mine.id));
    await tx.delete(sandbox).where(eq(sandbox.id, anonymous.id));
    forgotten.push(anonymous.keyHash);
    const had = new Set(before.map((row) => row.slug));
    const lessonsAdded = after.map((row) => row.slug).filter((slug) => !had.has(slug));
    return { key, outcome: "merged", lessonsAdded: lessonsAdded.sort() };
  });
  for (const keyHash of forgotten) forgetSandbox(keyHash);
  return result;
}

/**
 * The account's sandbox, created (and seeded) if it has none: a signed-in learner's first
 * request, on whichever device. Undefined if the user no longer exists.
 */
export async function accountSandbox({
  userId,
  create,
}: {
  userId: string;
  create: boolean;
}): Promise<{ id: string; key: string; created: boolean } | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!(await lockUser(tx, userId))) return undefined;
    const mine = await sandboxOf(tx, userId);
    if (mine) return { id: mine.id, key: await keyOf(tx, mine), created: false };
    if (!create) return undefined;
    const made = await createSandbox({ userId, sealedKey: sealKey }, tx);
    return { ...made, created: true };
  });
}

/** Deletes the user, their GitHub link and their sandbox with all its data (every table cascades). */
export async function deleteAccount({ userId }: { userId: string }): Promise<boolean> {
  const db = await getDb();
  let keyHash: string | undefined;
  const deleted = await db.transaction(async (tx) => {
    if (!(await lockUser(tx, userId))) return false;
    const mine = await sandboxOf(tx, userId);
    if (mine) {
      await lockSandboxForReset(tx, mine.id);
      keyHash = mine.keyHash;
    }
    await tx.delete(user).where(eq(user.id, userId));
    return true;
  });
  if (keyHash) forgetSandbox(keyHash);
  return deleted;
}
