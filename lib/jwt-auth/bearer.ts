import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { tokenFamily } from "@/db/schema/jwt-auth";
import { type Role, sandboxUser } from "@/db/schema/sandbox-users";
import { HttpProblem } from "@/lib/http/problem";
import type { RequestContext } from "@/lib/http/route";
import { ownedBy } from "@/lib/sandbox/scope";
import { bearerChallenge } from "./challenge";
import { invalidToken, verifyAccessToken } from "./tokens";

/** The user a request acts as: one account of the caller's sandbox, by its access token. */
export type AccountCaller = { id: number; email: string; role: Role; sessionId: string };

/** RFC 6750 §2.1: `Bearer` (any case), one space or more, a token68. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The access token in `Authorization: Bearer …`. None, or another scheme: 401 with a bare
 * challenge. A Bearer header that is not one token: 400 invalid_request (RFC 6750 §3.1).
 */
export function bearerTokenOf(req: Request): string {
  const header = req.headers.get("authorization")?.trim();
  if (!header) {
    throw new HttpProblem(
      "token-required",
      "Send an access token: Authorization: Bearer <accessToken>, from POST /api/v1/auth/login.",
      { headers: bearerChallenge() },
    );
  }
  const scheme = header.split(" ", 1)[0] ?? "";
  if (scheme.toLowerCase() !== "bearer") {
    throw new HttpProblem(
      "token-required",
      `Authorization uses the ${scheme} scheme; this API takes Bearer: Authorization: Bearer <accessToken>.`,
      { headers: bearerChallenge() },
    );
  }
  const match = BEARER.exec(header);
  if (!match?.[1]) {
    throw new HttpProblem(
      "malformed-request",
      "Authorization: Bearer must be followed by exactly one token (letters, digits and - . _ ~ + /).",
      {
        headers: bearerChallenge({
          code: "invalid_request",
          description: "Authorization is not Bearer followed by one token",
        }),
      },
    );
  }
  return match[1];
}

// #region authenticate
/**
 * Who is calling: the account and session of a valid access token for this sandbox. The token
 * is verified first (signature, alg, typ, iss, aud, nbf, exp: no database needed), then its
 * account and session are looked up, so a token stops working at once when its session ends
 * (logout, refresh token reuse) or its user is gone (a sandbox reset).
 */
export async function authenticate({
  req,
  ctx,
  sandboxId,
}: {
  req: Request;
  ctx: RequestContext;
  sandboxId: string;
}): Promise<AccountCaller> {
  const token = bearerTokenOf(req);
  const claims = await ctx.timing.span("token", "Verify the access token", () =>
    verifyAccessToken(token, sandboxId),
  );
  const found = await ctx.timing.span("account", "Find its user and session", async () => {
    const db = await getDb();
    const [row] = await db
      .select({
        id: sandboxUser.id,
        email: sandboxUser.email,
        role: sandboxUser.role,
        revokedAt: tokenFamily.revokedAt,
        revokedReason: tokenFamily.revokedReason,
      })
      .from(tokenFamily)
      .innerJoin(
        sandboxUser,
        and(
          eq(sandboxUser.sandboxId, tokenFamily.sandboxId),
          eq(sandboxUser.id, tokenFamily.accountId),
        ),
      )
      .where(
        ownedBy(
          tokenFamily,
          sandboxId,
          eq(tokenFamily.id, claims.sid),
          eq(tokenFamily.accountId, Number(claims.sub)),
        ),
      );
    return row;
  });
  if (!found) {
    throw invalidToken(
      "The token's user or session is not in your sandbox any more (a reset deletes them). Log in again.",
      "the session no longer exists",
    );
  }
  if (found.revokedAt) {
    throw invalidToken(
      found.revokedReason === "reuse"
        ? "The token's session was revoked because one of its refresh tokens was used twice (a sign it was stolen). Log in again."
        : "The token's session was ended by a logout. Log in again.",
      "the session has ended",
    );
  }
  return { id: found.id, email: found.email, role: found.role, sessionId: claims.sid };
}
// #endregion

/** 403 unless the caller has `role` (RFC 6750 §3.1: insufficient_scope). */
export function requireRole(caller: AccountCaller, role: Role): void {
  if (caller.role === role) return;
  throw new HttpProblem(
    "insufficient-role",
    `Only ${role}s may do this; your access token is ${caller.email}'s, a ${caller.role}.`,
    {
      headers: bearerChallenge({
        code: "insufficient_scope",
        description: `requires the ${role} role`,
      }),
    },
  );
}
