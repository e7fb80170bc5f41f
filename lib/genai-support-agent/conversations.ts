import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { supportConversation } from "@/db/schema/genai";
import { HttpProblem } from "@/lib/http/problem";
import { ownedBy } from "@/lib/sandbox/scope";
import type { ConversationView } from "./contract";
import type { Principal } from "./tools";

const notYours = (id: string) =>
  new HttpProblem(
    "not-found",
    `You have no conversation ${id}. Start one with POST /api/v1/support/chat.`,
  );

/**
 * Refuses a chat id that another user of the sandbox already uses: their conversation is "not
 * found" to you, exactly like one that does not exist.
 */
export async function assertConversationFree({
  sandboxId,
  accountId,
  id,
}: Principal & { id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ accountId: supportConversation.accountId })
    .from(supportConversation)
    .where(ownedBy(supportConversation, sandboxId, eq(supportConversation.id, id)));
  if (row && row.accountId !== accountId) throw notYours(id);
}

/** Stores the whole conversation (the UI messages) after each answer; only its owner's row changes. */
export async function saveConversation({
  sandboxId,
  accountId,
  id,
  messages,
  model,
}: Principal & { id: string; messages: unknown[]; model: string }) {
  const db = await getDb();
  await db
    .insert(supportConversation)
    .values({ sandboxId, accountId, id, messages, model })
    .onConflictDoUpdate({
      target: [supportConversation.sandboxId, supportConversation.id],
      set: { messages, model, updatedAt: sql`now()` },
      setWhere: eq(supportConversation.accountId, accountId),
    });
}

export async function readConversation({
  sandboxId,
  accountId,
  id,
}: Principal & { id: string }): Promise<ConversationView> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(supportConversation)
    .where(
      ownedBy(
        supportConversation,
        sandboxId,
        eq(supportConversation.accountId, accountId),
        eq(supportConversation.id, id),
      ),
    );
  if (!row) throw notYours(id);
  return {
    id: row.id,
    model: row.model,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    messages: row.messages as unknown[],
  };
}
