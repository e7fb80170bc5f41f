import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { type UserNote, userNote } from "@/db/schema/authn-and-authz";
import { HttpProblem } from "@/lib/http/problem";
import { claimIds } from "@/lib/sandbox/counter";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import type { SessionCaller } from "./session-auth";

/** The most notes one sandbox holds; writing more is 409. */
export const MAX_NOTES = 200;

export function noteView(row: UserNote) {
  return {
    id: row.id,
    ownerId: row.ownerId,
    title: row.title,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The caller's own notes, oldest first. */
export async function listNotes({
  sandboxId,
  ownerId,
}: {
  sandboxId: string;
  ownerId: number;
}): Promise<UserNote[]> {
  const db = await getDb();
  return db
    .select()
    .from(userNote)
    .where(ownedBy(userNote, sandboxId, eq(userNote.ownerId, ownerId)))
    .orderBy(asc(userNote.id));
}

export async function createNote({
  sandboxId,
  ownerId,
  title,
  body,
}: {
  sandboxId: string;
  ownerId: number;
  title: string;
  body?: string;
}): Promise<UserNote> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [held] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(userNote)
      .where(ownedBy(userNote, sandboxId));
    if ((held?.n ?? 0) >= MAX_NOTES) {
      throw new HttpProblem(
        "conflict",
        `Your sandbox already holds ${MAX_NOTES} notes, the most it keeps. Delete some, or reset the sandbox.`,
      );
    }
    const id = await claimIds(tx, { sandboxId, name: "note" });
    const [row] = await tx
      .insert(userNote)
      .values({ sandboxId, id, ownerId, title, body: body ?? "" })
      .returning();
    if (!row) throw new Error("note insert returned no row");
    return row;
  });
}

// #region authorize
/** What a request wants to do with a note. */
export type NoteAction = "read" | "change";

/**
 * Who may do what with a note: its owner anything; an admin may read anyone's (and
 * so may know it exists); nobody else may learn that it exists at all.
 *
 * - not there, or another customer's: 404, the same words for both, so ids cannot
 *   be probed;
 * - an admin changing someone else's: 403, since the admin can read it, so hiding
 *   it says nothing.
 */
export function authorizeNote(
  caller: Pick<SessionCaller, "id" | "role">,
  note: UserNote | undefined,
  action: NoteAction,
  id: number,
): UserNote {
  const hidden = new HttpProblem("not-found", `You have no note ${id}.`);
  if (!note) throw hidden;
  if (note.ownerId === caller.id) return note;
  if (caller.role !== "admin") throw hidden;
  if (action === "read") return note;
  throw new HttpProblem(
    "not-owner",
    `Note ${id} is user ${note.ownerId}'s. Admins may read anyone's notes, but only its owner may change or delete it.`,
  );
}
// #endregion

/** A note of this sandbox by id, whoever owns it (authorizeNote decides who may have it). */
export async function findNote({
  sandboxId,
  id,
}: {
  sandboxId: string;
  id: number;
}): Promise<UserNote | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(userNote)
    .where(ownedBy(userNote, sandboxId, eq(userNote.id, id)));
  return row;
}

export async function updateNote({
  sandboxId,
  id,
  changes,
}: {
  sandboxId: string;
  id: number;
  changes: { title?: string; body?: string };
}): Promise<UserNote | undefined> {
  const db = await getDb();
  const [row] = await db
    .update(userNote)
    .set({ ...changes, updatedAt: new Date() })
    .where(ownedBy(userNote, sandboxId, eq(userNote.id, id)))
    .returning();
  return row;
}

export async function deleteNote({ sandboxId, id }: { sandboxId: string; id: number }) {
  const db = await getDb();
  await db.delete(userNote).where(ownedBy(userNote, sandboxId, eq(userNote.id, id)));
}
