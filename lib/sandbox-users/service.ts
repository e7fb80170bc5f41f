import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { type Role, type SandboxUser, sandboxUser } from "@/db/schema/sandbox-users";
import { HttpProblem } from "@/lib/http/problem";
import { hashPassword, needsRehash, passwordMatches } from "@/lib/password";
import { claimIds } from "@/lib/sandbox/counter";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";

/** The most accounts one sandbox holds; registering more is 409. */
export const MAX_ACCOUNTS = 100;

/** An account as the API shows it: never its password hash. */
export type AccountView = { id: number; email: string; role: Role; createdAt: string };

export function toAccountView(row: SandboxUser): AccountView {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.createdAt.toISOString() };
}

/**
 * One spelling per address: trimmed and lower-cased. (RFC 5321 lets the part before the @ be
 * case-sensitive, but no mail provider in use treats it so, and two accounts for Alice@ and
 * alice@ would be a bug report, not a feature.)
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A new customer (or, for seeds and tests, admin) in one sandbox; 409 when the email is taken. */
export async function createAccount({
  sandboxId,
  email,
  password,
  role = "customer",
}: {
  sandboxId: string;
  email: string;
  password: string;
  role?: Role;
}): Promise<SandboxUser> {
  // Hashing takes tens of milliseconds of CPU: do it before the transaction holds a connection.
  const passwordHash = await hashPassword(password);
  const normalized = normalizeEmail(email);
  return sandboxTransaction(sandboxId, async (tx) => {
    const [held] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(sandboxUser)
      .where(ownedBy(sandboxUser, sandboxId));
    if ((held?.n ?? 0) >= MAX_ACCOUNTS) {
      throw new HttpProblem(
        "conflict",
        `Your sandbox already holds ${MAX_ACCOUNTS} accounts, the most it keeps. Reset the sandbox to start again.`,
      );
    }
    const id = await claimIds(tx, { sandboxId, name: "account" });
    const [row] = await tx
      .insert(sandboxUser)
      .values({ sandboxId, id, email: normalized, passwordHash, role })
      .onConflictDoNothing({ target: [sandboxUser.sandboxId, sandboxUser.email] })
      .returning();
    if (!row) {
      throw new HttpProblem(
        "conflict",
        `Your sandbox already has an account for ${normalized}. Log in with it, or register another email.`,
      );
    }
    return row;
  });
}

export async function findAccount({
  sandboxId,
  id,
}: {
  sandboxId: string;
  id: number;
}): Promise<SandboxUser | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(sandboxUser)
    .where(ownedBy(sandboxUser, sandboxId, eq(sandboxUser.id, id)));
  return row;
}

export async function listAccounts({ sandboxId }: { sandboxId: string }): Promise<SandboxUser[]> {
  const db = await getDb();
  return db
    .select()
    .from(sandboxUser)
    .where(ownedBy(sandboxUser, sandboxId))
    .orderBy(asc(sandboxUser.id));
}

// #region check-credentials
/**
 * The account with this email and password, or undefined. Both ways of failing (no such email,
 * wrong password) do the same work, one argon2id verification, and give the same answer, so
 * neither the answer nor its timing says whether an email has an account.
 */
export async function checkCredentials({
  sandboxId,
  email,
  password,
}: {
  sandboxId: string;
  email: string;
  password: string;
}): Promise<SandboxUser | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(sandboxUser)
    .where(ownedBy(sandboxUser, sandboxId, eq(sandboxUser.email, normalizeEmail(email))));
  // One argon2id verification either way: against the user's hash, or a decoy when there is none.
  const matches = await passwordMatches(password, row?.passwordHash);
  if (!row || !matches) return undefined;
  if (needsRehash(row.passwordHash)) await rehash({ sandboxId, id: row.id, password });
  return row;
}
// #endregion

/** Stores a hash made with today's settings, replacing one made with older ones. */
async function rehash({
  sandboxId,
  id,
  password,
}: {
  sandboxId: string;
  id: number;
  password: string;
}): Promise<void> {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  await db
    .update(sandboxUser)
    .set({ passwordHash })
    .where(and(ownedBy(sandboxUser, sandboxId), eq(sandboxUser.id, id)));
}
