import { createHash } from "node:crypto";
import { and, desc, eq, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { refreshToken, tokenFamily } from "@/db/schema/jwt-auth";
import { type SandboxUser, sandboxUser } from "@/db/schema/sandbox-users";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import { newRefreshToken } from "./tokens";

/** A refresh token works for 7 days after it is issued, and once. */
export const REFRESH_TOKEN_DAYS = 7;
/** Live sessions one account keeps; a new login ends the oldest beyond this. */
const MAX_SESSIONS = 10;
/** Used refresh tokens kept per session to recognise reuse; older ones are forgotten. */
const USED_TOKENS_KEPT = 10;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const expiry = () => new Date(Date.now() + REFRESH_TOKEN_DAYS * 24 * 3600 * 1000);

async function issueRefreshToken(
  tx: Transaction,
  { sandboxId, familyId }: { sandboxId: string; familyId: string },
): Promise<string> {
  const token = newRefreshToken();
  await tx
    .insert(refreshToken)
    .values({ tokenHash: hashOf(token), sandboxId, familyId, expiresAt: expiry() });
  return token;
}

/**
 * A new session (token family) for an account, and its first refresh token. Sessions none of
 * whose tokens can still be presented (all expired) are deleted; of the rest, the account keeps
 * its MAX_SESSIONS newest live ones and its MAX_SESSIONS newest revoked ones (a revoked session is
 * kept while its tokens could come back, so they are refused as revoked rather than unknown).
 */
export async function startSession({
  sandboxId,
  accountId,
}: {
  sandboxId: string;
  accountId: number;
}): Promise<{ familyId: string; refreshToken: string }> {
  return sandboxTransaction(sandboxId, async (tx) => {
    // One login of an account at a time: two at once would each trim sessions the other has not
    // committed (keeping more than the cap) and delete the same old rows in different orders
    // (a deadlock). NO KEY UPDATE, so the token rows' foreign-key checks never wait on it.
    await tx
      .select({ id: sandboxUser.id })
      .from(sandboxUser)
      .where(ownedBy(sandboxUser, sandboxId, eq(sandboxUser.id, accountId)))
      .for("no key update");
    const mine = ownedBy(tokenFamily, sandboxId, eq(tokenFamily.accountId, accountId));
    await tx
      .delete(tokenFamily)
      .where(
        and(
          mine,
          sql`not exists (select 1 from ${refreshToken} where ${refreshToken.familyId} = ${tokenFamily.id} and ${refreshToken.expiresAt} > now())`,
        ),
      );
    for (const revoked of [false, true]) {
      const beyond = tx
        .select({ id: tokenFamily.id })
        .from(tokenFamily)
        .where(
          and(mine, revoked ? isNotNull(tokenFamily.revokedAt) : isNull(tokenFamily.revokedAt)),
        )
        .orderBy(desc(tokenFamily.createdAt))
        // Room for the session about to start among the live ones.
        .offset(revoked ? MAX_SESSIONS : MAX_SESSIONS - 1);
      await tx.delete(tokenFamily).where(inArray(tokenFamily.id, beyond));
    }
    const [family] = await tx
      .insert(tokenFamily)
      .values({ sandboxId, accountId })
      .returning({ id: tokenFamily.id });
    if (!family) throw new Error("token family insert returned no row");
    return {
      familyId: family.id,
      refreshToken: await issueRefreshToken(tx, { sandboxId, familyId: family.id }),
    };
  });
}

export type Rotation =
  | { outcome: "rotated"; account: SandboxUser; familyId: string; refreshToken: string }
  | { outcome: "unknown" | "expired" | "revoked" | "reused" };

// #region rotate
/**
 * Exchanges a refresh token for a new one (rotation, RFC 9700 §4.14.2). The token is used up;
 * presenting it again means two parties hold it, the user and a thief, and the server cannot tell
 * which is which: the whole session is revoked, its refresh and access tokens with it. The family
 * and token rows are locked, so two refreshes with one token run one after the other and the
 * second is reuse. Both must be locked: in Postgres' READ COMMITTED, a waiting `FOR UPDATE` re-reads
 * only the rows it locks, so a token row read unlocked would still show the token as unused.
 */
export async function rotateRefreshToken({
  sandboxId,
  token,
}: {
  sandboxId: string;
  token: string;
}): Promise<Rotation> {
  return sandboxTransaction(sandboxId, async (tx): Promise<Rotation> => {
    const [found] = await tx
      .select({ token: refreshToken, family: tokenFamily, account: sandboxUser })
      .from(refreshToken)
      .innerJoin(tokenFamily, eq(tokenFamily.id, refreshToken.familyId))
      .innerJoin(
        sandboxUser,
        and(
          eq(sandboxUser.sandboxId, tokenFamily.sandboxId),
          eq(sandboxUser.id, tokenFamily.accountId),
        ),
      )
      .where(ownedBy(refreshToken, sandboxId, eq(refreshToken.tokenHash, hashOf(token))))
      .for("update", { of: [refreshToken, tokenFamily] });
    if (!found) return { outcome: "unknown" };
    const familyId = found.family.id;
    if (found.family.revokedAt) return { outcome: "revoked" };
    if (found.token.usedAt) {
      await tx
        .update(tokenFamily)
        .set({ revokedAt: sql`now()`, revokedReason: "reuse" })
        .where(eq(tokenFamily.id, familyId));
      return { outcome: "reused" };
    }
    if (found.token.expiresAt <= new Date()) return { outcome: "expired" };
    await tx
      .update(refreshToken)
      .set({ usedAt: sql`now()` })
      .where(eq(refreshToken.tokenHash, found.token.tokenHash));
    const next = await issueRefreshToken(tx, { sandboxId, familyId });
    await forgetOldUsedTokens(tx, familyId);
    return { outcome: "rotated", account: found.account, familyId, refreshToken: next };
  });
}
// #endregion

async function forgetOldUsedTokens(tx: Transaction, familyId: string): Promise<void> {
  const kept = tx
    .select({ hash: refreshToken.tokenHash })
    .from(refreshToken)
    .where(and(eq(refreshToken.familyId, familyId), isNotNull(refreshToken.usedAt)))
    .orderBy(desc(refreshToken.usedAt))
    .limit(USED_TOKENS_KEPT);
  await tx
    .delete(refreshToken)
    .where(
      and(
        eq(refreshToken.familyId, familyId),
        isNotNull(refreshToken.usedAt),
        notInArray(refreshToken.tokenHash, kept),
      ),
    );
}

/** Ends a session: its refresh token and every access token naming it stop working. */
export async function endSession({
  sandboxId,
  familyId,
}: {
  sandboxId: string;
  familyId: string;
}): Promise<void> {
  await sandboxTransaction(sandboxId, async (tx) => {
    await tx
      .update(tokenFamily)
      .set({ revokedAt: sql`now()`, revokedReason: "logout" })
      .where(ownedBy(tokenFamily, sandboxId, eq(tokenFamily.id, familyId)));
  });
}
