import { cookies, headers } from "next/headers";
import { accountSandboxKey } from "@/lib/accounts/account-key";
import { SANDBOX_COOKIE } from "./keys";
import { idForKey } from "./lookup";

/**
 * For server components: the visitor's sandbox from its cookie, if they have one, else the
 * signed-in account's. Pages never create sandboxes; `POST /api/sandbox` does, when the learner
 * first sends a request.
 */
export async function currentSandbox(): Promise<{ id: string; key: string } | undefined> {
  const key =
    (await cookies()).get(SANDBOX_COOKIE)?.value ?? (await accountSandboxKey(await headers()));
  if (!key) return undefined;
  const id = await idForKey(key);
  return id ? { id, key } : undefined;
}
