import { hashSandboxKey } from "@/lib/sandbox/keys";
import { idForKey } from "@/lib/sandbox/lookup";

/** The id of the sandbox a key names (tests reach into the database with it). */
export async function lookupSandboxId(key: string): Promise<string> {
  const id = await idForKey(key);
  if (!id) throw new Error(`no sandbox for ${hashSandboxKey(key).slice(0, 8)}…`);
  return id;
}
