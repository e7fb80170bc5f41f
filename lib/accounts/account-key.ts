import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { sandbox } from "@/db/schema/sandboxes";
import { hashSandboxKey } from "@/lib/sandbox/keys";
import { unsealKey } from "./seal";
import { signedInUser } from "./session";

/**
 * The key of the signed-in user's sandbox, for a browser that has no sandbox cookie (it signed in
 * before the account had a sandbox, or lost the cookie). Reads only: a seal that no longer opens
 * is replaced at the next sign-in (lib/accounts/sandbox.ts).
 */
export async function accountSandboxKey(headers: Headers): Promise<string | undefined> {
  const me = await signedInUser(headers);
  if (!me) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ keyHash: sandbox.keyHash, sealedKey: sandbox.sealedKey })
    .from(sandbox)
    .where(eq(sandbox.userId, me.id));
  const key = row?.sealedKey ? unsealKey(row.sealedKey) : undefined;
  return key && hashSandboxKey(key) === row?.keyHash ? key : undefined;
}
