import type { Transaction } from "@/db";
import { sandboxUser } from "@/db/schema/sandbox-users";
import { hashOnce } from "@/lib/password";
import { claimIds } from "@/lib/sandbox/counter";

/**
 * Every sandbox's admin, whose credentials the lessons show: a sandbox is private to its learner,
 * so a published password gives nobody else anything. Its hash is made once per process and
 * shared, so creating or resetting a sandbox costs no hashing.
 */
export const SEED_ADMIN = {
  id: 1,
  email: "admin@example.com",
  password: "sandbox-admin-password",
  role: "admin",
} as const;

/** User 1 of every sandbox is its admin. */
export async function seedAccounts(tx: Transaction, sandboxId: string): Promise<void> {
  const passwordHash = await hashOnce(SEED_ADMIN.password);
  const id = await claimIds(tx, { sandboxId, name: "account" });
  await tx.insert(sandboxUser).values({
    sandboxId,
    id,
    email: SEED_ADMIN.email,
    passwordHash,
    role: SEED_ADMIN.role,
  });
}
