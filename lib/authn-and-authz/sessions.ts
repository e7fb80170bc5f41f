import { createHash, createHmac, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, notInArray } from "drizzle-orm";
import { getDb } from "@/db";
import { type SessionEndReason, type UserSession, userSession } from "@/db/schema/authn-and-authz";
import { type SandboxUser, sandboxUser } from "@/db/schema/sandbox-users";
import { env } from "@/lib/env";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";

/** Sessions kept per user (live or ended, newest first); a login deletes those beyond. */
export const SESSIONS_KEPT = 10;

/** How long a session lasts: unused (idle), and at most after login (absolute). */
export type SessionLifetime = { idleSeconds: number; absoluteSeconds: number };

export function sessionLifetime(): SessionLifetime {
  const { SESSION_IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS } = env();
  return { idleSeconds: SESSION_IDLE_SECONDS, absoluteSeconds: SESSION_ABSOLUTE_SECONDS };
}

// #region tokens
/** 256 random bits, base64url: what the cookie holds. It means nothing; only the server's row does. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export const SESSION_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** The session's id, and all the database keeps: the token's SHA-256. A stolen table logs nobody in. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The session's CSRF token: an HMAC of a fixed label keyed with the session token.
 * Only someone holding the cookie's value can compute it, it cannot be turned back
 * into that value, and it needs no storage: the server derives it again from the
 * cookie of each request.
 */
export function csrfTokenFor(token: string): string {
  return createHmac("sha256", token).update("csrf").digest("base64url");
}
// #endregion

/** When a session stops working if it is not used again; the absolute expiry when that is sooner. */
export function idleDeadline(session: UserSession, lifetime: SessionLifetime): Date {
  const idle = new Date(session.lastSeenAt.getTime() + lifetime.idleSeconds * 1000);
  return idle < session.expiresAt ? idle : session.expiresAt;
}

// #region start
/**
 * A new session for a user who just proved their password. A session the browser
 * still held (`replacing`, the token of its old cookie) is ended first: a login
 * never keeps using an id that existed before it (session fixation), whoever's it
 * was. The user's sessions beyond the newest SESSIONS_KEPT are deleted.
 */
export async function startSession({
  sandboxId,
  userId,
  userAgent,
  replacing,
  now = new Date(),
  lifetime = sessionLifetime(),
}: {
  sandboxId: string;
  userId: number;
  userAgent?: string | null;
  replacing?: string;
  now?: Date;
  lifetime?: SessionLifetime;
}): Promise<{ token: string; session: UserSession }> {
  const token = newSessionToken();
  return sandboxTransaction(sandboxId, async (tx) => {
    // One login of a user at a time: two at once would each keep sessions the other has not
    // committed yet, and could delete the same old rows in opposite orders (a deadlock).
    await tx
      .select({ id: sandboxUser.id })
      .from(sandboxUser)
      .where(ownedBy(sandboxUser, sandboxId, eq(sandboxUser.id, userId)))
      .for("no key update");
    if (replacing) {
      await tx
        .update(userSession)
        .set({ revokedAt: now, revokedReason: "login" })
        .where(
          ownedBy(
            userSession,
            sandboxId,
            eq(userSession.id, sessionIdOf(replacing)),
            isNull(userSession.revokedAt),
          ),
        );
    }
    const [session] = await tx
      .insert(userSession)
      .values({
        id: sessionIdOf(token),
        sandboxId,
        userId,
        userAgent: userAgent?.slice(0, 200) || null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + lifetime.absoluteSeconds * 1000),
      })
      .returning();
    if (!session) throw new Error("session insert returned no row");
    const newest = tx
      .select({ id: userSession.id })
      .from(userSession)
      .where(ownedBy(userSession, sandboxId, eq(userSession.userId, userId)))
      .orderBy(desc(userSession.createdAt))
      .limit(SESSIONS_KEPT);
    await tx
      .delete(userSession)
      .where(
        ownedBy(
          userSession,
          sandboxId,
          eq(userSession.userId, userId),
          notInArray(userSession.id, newest),
        ),
      );
    return { token, session };
  });
}
// #endregion

export type Lookup =
  | { outcome: "valid"; session: UserSession; user: SandboxUser }
  | { outcome: "unknown" }
  | { outcome: "ended"; reason: SessionEndReason }
  | { outcome: "idle" | "expired"; session: UserSession };

// #region find
/**
 * The session a cookie's token names, in this sandbox only: a token from another
 * sandbox finds nothing here. Ended on purpose (logout, a newer login, revoked),
 * unused for longer than the idle timeout, or past its absolute expiry: not valid.
 */
export async function findSession({
  sandboxId,
  token,
  now = new Date(),
  lifetime = sessionLifetime(),
}: {
  sandboxId: string;
  token: string;
  now?: Date;
  lifetime?: SessionLifetime;
}): Promise<Lookup> {
  const db = await getDb();
  const [row] = await db
    .select({ session: userSession, user: sandboxUser })
    .from(userSession)
    .innerJoin(
      sandboxUser,
      and(eq(sandboxUser.sandboxId, userSession.sandboxId), eq(sandboxUser.id, userSession.userId)),
    )
    .where(ownedBy(userSession, sandboxId, eq(userSession.id, sessionIdOf(token))));
  if (!row) return { outcome: "unknown" };
  const { session, user } = row;
  if (session.revokedAt) return { outcome: "ended", reason: session.revokedReason ?? "revoked" };
  if (now >= session.expiresAt) return { outcome: "expired", session };
  if (now >= idleDeadline(session, lifetime)) return { outcome: "idle", session };
  return { outcome: "valid", session, user };
}
// #endregion

/** Marks a session used now: its idle timeout starts again. */
export async function touchSession({
  sandboxId,
  id,
  now = new Date(),
}: {
  sandboxId: string;
  id: string;
  now?: Date;
}): Promise<Date> {
  const db = await getDb();
  await db
    .update(userSession)
    .set({ lastSeenAt: now })
    .where(ownedBy(userSession, sandboxId, eq(userSession.id, id), isNull(userSession.revokedAt)));
  return now;
}

/**
 * Ends one of a user's sessions on the server: from now on its cookie is refused, whoever holds
 * a copy. Undefined when the user has no session with this id; ending an ended one changes nothing.
 */
export async function endSession({
  sandboxId,
  userId,
  id,
  reason,
  now = new Date(),
}: {
  sandboxId: string;
  userId: number;
  id: string;
  reason: SessionEndReason;
  now?: Date;
}): Promise<UserSession | undefined> {
  const db = await getDb();
  const mine = ownedBy(
    userSession,
    sandboxId,
    eq(userSession.id, id),
    eq(userSession.userId, userId),
  );
  const [ended] = await db
    .update(userSession)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(mine, isNull(userSession.revokedAt)))
    .returning();
  if (ended) return ended;
  const [already] = await db.select().from(userSession).where(mine);
  return already;
}

/** A user's sessions, newest first (live and ended; a login keeps the newest SESSIONS_KEPT). */
export async function listSessions({
  sandboxId,
  userId,
}: {
  sandboxId: string;
  userId: number;
}): Promise<UserSession[]> {
  const db = await getDb();
  return db
    .select()
    .from(userSession)
    .where(ownedBy(userSession, sandboxId, eq(userSession.userId, userId)))
    .orderBy(desc(userSession.createdAt));
}

export async function findUserSession({
  sandboxId,
  userId,
  id,
}: {
  sandboxId: string;
  userId: number;
  id: string;
}): Promise<UserSession | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(userSession)
    .where(ownedBy(userSession, sandboxId, eq(userSession.id, id), eq(userSession.userId, userId)));
  return row;
}

export type SessionState = "active" | SessionEndReason | "idle" | "expired";

/** A session as the API shows it: its id (the token's hash, no secret), its times and its state. */
export function sessionView(
  session: UserSession,
  {
    current,
    now = new Date(),
    lifetime = sessionLifetime(),
  }: { current?: string; now?: Date; lifetime?: SessionLifetime } = {},
) {
  const idleExpiresAt = idleDeadline(session, lifetime);
  const state: SessionState = session.revokedAt
    ? (session.revokedReason ?? "revoked")
    : now >= session.expiresAt
      ? "expired"
      : now >= idleExpiresAt
        ? "idle"
        : "active";
  return {
    id: session.id,
    current: session.id === current,
    state,
    userAgent: session.userAgent,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    idleExpiresAt: idleExpiresAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    endedAt: session.revokedAt?.toISOString() ?? null,
  };
}
