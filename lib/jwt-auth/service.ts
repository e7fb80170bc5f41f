import type { SandboxUser } from "@/db/schema/sandbox-users";
import type { AccountCaller } from "./bearer";
import { ACCESS_TOKEN_SECONDS, signAccessToken } from "./tokens";

export type TokenPair = {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
};

/** A session's tokens as login and refresh answer them (the shape of RFC 6749 §5.1). */
export async function tokenPair({
  sandboxId,
  account,
  familyId,
  refreshToken,
}: {
  sandboxId: string;
  account: Pick<SandboxUser, "id" | "role">;
  familyId: string;
  refreshToken: string;
}): Promise<TokenPair> {
  const accessToken = await signAccessToken({
    sandboxId,
    accountId: account.id,
    role: account.role,
    familyId,
  });
  return { accessToken, refreshToken, tokenType: "Bearer", expiresIn: ACCESS_TOKEN_SECONDS };
}

/** A user as /auth/me and /auth/register show it. */
export function accountView(row: Pick<SandboxUser | AccountCaller, "id" | "email" | "role">) {
  return { id: row.id, email: row.email, role: row.role };
}
