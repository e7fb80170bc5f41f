import { eq } from "drizzle-orm";
import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { sandbox } from "@/db/schema/sandboxes";
import { hashSandboxKey, isSandboxKeyFormat, presentedKey } from "./keys";

// A key's sandbox id never changes (reset keeps it), so the lookup is safe to remember.
const idByKeyHash = new Map<string, string>();
const ID_CACHE_MAX = 10_000;

export function rememberSandbox(keyHash: string, id: string) {
  if (idByKeyHash.size >= ID_CACHE_MAX) idByKeyHash.clear();
  idByKeyHash.set(keyHash, id);
}

/** The sandbox id of a key; a string that is not shaped like a key never reaches the database. */
export async function idForKey(key: string): Promise<string | undefined> {
  if (!isSandboxKeyFormat(key)) return undefined;
  const keyHash = hashSandboxKey(key);
  const cached = idByKeyHash.get(keyHash);
  if (cached) return cached;
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
