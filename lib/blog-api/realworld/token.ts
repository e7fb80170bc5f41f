import { hkdfSync } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { authSecret } from "@/lib/accounts/secret";

/**
 * RealWorld's tokens: `Authorization: Token <jwt>`. HS256 with a key derived from AUTH_SECRET, so
 * every instance signs and verifies alike. A token names its sandbox (the audience) and its
 * author, and the author's creation time: a sandbox reset numbers authors from 1 again, and a
 * token of the author who had that id before must not become the new one's.
 */

export const TOKEN_TTL_SECONDS = 7 * 24 * 3600;
const ISSUER = "bmj-realworld";

let key: Uint8Array | undefined;
function signingKey(): Uint8Array {
  key ??= new Uint8Array(hkdfSync("sha256", authSecret(), "", "bmj realworld token v1", 32));
  return key;
}

export type TokenClaims = { authorId: number; created: number };

const audienceOf = (sandboxId: string) => `realworld:${sandboxId}`;

export function signToken(
  sandboxId: string,
  author: { id: number; createdAt: Date },
): Promise<string> {
  return new SignJWT({ ca: author.createdAt.getTime() })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(audienceOf(sandboxId))
    .setSubject(String(author.id))
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_TTL_SECONDS}s`)
    .sign(signingKey());
}

/** The token's author, if it is ours, for this sandbox, and not expired; else undefined. */
export async function verifyToken(
  sandboxId: string,
  token: string,
): Promise<TokenClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: audienceOf(sandboxId),
    });
    const authorId = Number(payload.sub);
    const created = payload.ca;
    if (!Number.isSafeInteger(authorId) || typeof created !== "number") return undefined;
    return { authorId, created };
  } catch {
    return undefined;
  }
}
