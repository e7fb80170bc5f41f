import { cookies } from "next/headers";
import { SANDBOX_COOKIE } from "./keys";
import { idForKey } from "./lookup";

/**
 * For server components: the visitor's sandbox from its cookie, if they have one. Pages never
 * create sandboxes; `POST /api/sandbox` does, when the learner first sends a request.
 */
export async function currentSandbox(): Promise<{ id: string; key: string } | undefined> {
  const key = (await cookies()).get(SANDBOX_COOKIE)?.value;
  if (!key) return undefined;
  const id = await idForKey(key);
  return id ? { id, key } : undefined;
}
