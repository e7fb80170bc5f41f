import { eq } from "drizzle-orm";
import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { sandbox } from "@/db/schema/sandboxes";
import { hashSandboxKey, isSandboxKeyFormat, presentedKey } from "./keys";

// A key's sandbox id never changes (reset keeps it), so the lookup is worth remembering. A sandbox
// can be deleted (its account deleted, or merged into an account's at sign-in): this process
// forgets it at once, and other instances within a minute. Kept on globalThis so every bundle of
// the process (route handlers, pages) shares one cache, and forgets together.
const globalForIds = globalThis as { bmjSandboxIds?: Map<string, { id: string; until: number }> };
globalForIds.bmjSandboxIds ??= new Map();
const idByKeyHash = globalForIds.bmjSandboxIds;
const ID_CACHE_MAX = 10_000;
const ID_CACHE_MS = 60_000;

export function rememberSandbox(keyHash: string, id: string) {
  if (idByKeyHash.size >= ID_CACHE_MAX) idByKeyHash.clear();
  idByKeyHash.set(keyHash, { id, until: Date.now() + ID_CACHE_MS });
}

/** After a sandbox is deleted, or its key replaced. */
export function forgetSandbox(keyHash: string) {
  idByKeyHash.delete(keyHash);
}

/** The sandbox id of a key; a string that is not shaped like a key never reaches the database. */
export async function idForKey(key: string): Promise<string | undefined> {
  if (!isSandboxKeyFormat(key)) return undefined;
  const keyHash = hashSandboxKey(key);
  const cached = idByKeyHash.get(keyHash);
  if (cached && cached.until > Date.now()) return cached.id;
  const db = await getDb();
  const [row] = await db
    .select({ id: sandbox.id })
    .from(sandbox)
    .where(eq(sandbox.keyHash, keyHash))
    .limit(1);
  if (row) rememberSandbox(keyHash, row.id);
  return row?.id;
}

/** The sandbox a request names, if it names one that exists. Never creates one. */
export async function findSandboxId({ req }: { req: NextRequest }): Promise<string | undefined> {
  const presented = presentedKey(req);
  return presented ? idForKey(presented.key) : undefined;
}
