import { randomBytes, randomUUID } from "node:crypto";
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import { ROLES, type Role } from "@/db/schema/sandbox-users";
import { HttpProblem } from "@/lib/http/problem";
import { bearerChallenge } from "./challenge";
import { ACCESS_TOKEN_ALG, signingKeys } from "./keys";

/** Who signs the tokens; verification refuses any other `iss`. */
export const ISSUER = "backend-mastery-journey";
/** The `typ` header of access tokens, the media type RFC 9068 registers for them (RFC 8725 §3.11). */
export const ACCESS_TOKEN_TYPE = "at+jwt";
/** Access tokens live 15 minutes: short, since one that leaks works until it expires. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** Clocks of different servers disagree a little (RFC 7519 §4.1.4 allows "a small leeway"). */
const CLOCK_TOLERANCE_SECONDS = 5;

/** What an access token's payload holds. */
export type AccessClaims = {
  iss: string;
  /** Your sandbox's id: a token works in the sandbox it was issued in, nowhere else. */
  aud: string;
  /** The account's id in that sandbox. */
  sub: string;
  /** The session (token family) it belongs to; ending the session ends the token. */
  sid: string;
  role: Role;
  iat: number;
  exp: number;
  jti: string;
  nbf?: number;
};

export const nowSeconds = () => Math.floor(Date.now() / 1000);

// #region sign
/** An access token for one account of one sandbox, signed RS256 with this deployment's key. */
export async function signAccessToken({
  sandboxId,
  accountId,
  role,
  familyId,
}: {
  sandboxId: string;
  accountId: number;
  role: Role;
  familyId: string;
}): Promise<string> {
  const { privateKey, kid } = await signingKeys();
  const now = nowSeconds();
  return new SignJWT({ sid: familyId, role })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: ACCESS_TOKEN_TYPE, kid })
    .setIssuer(ISSUER)
    .setAudience(sandboxId)
    .setSubject(String(accountId))
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_SECONDS)
    .setJti(randomUUID())
    .sign(privateKey);
}
// #endregion

/** A refresh token: 256 random bits, opaque. Only its SHA-256 is stored. */
export function newRefreshToken(): string {
  return `rt_${randomBytes(32).toString("base64url")}`;
}

const isoOf = (seconds: unknown) =>
  typeof seconds === "number" ? new Date(seconds * 1000).toISOString() : "an unreadable time";

function algOf(token: string): string {
  try {
    return String(decodeProtectedHeader(token).alg);
  } catch {
    return "unreadable";
  }
}

/** Why a token failed, in the problem's detail (long) and in WWW-Authenticate (short). */
function reasonFor(error: unknown, token: string): { detail: string; short: string } {
  if (error instanceof errors.JOSEAlgNotAllowed) {
    const alg = algOf(token);
    if (alg.toLowerCase() === "none") {
      return {
        short: "alg none is never accepted",
        detail: `The token's header says alg "${alg}": it carries no signature, so anyone could have written it. This API accepts only ${ACCESS_TOKEN_ALG}, whatever a token says about itself (RFC 8725 §3.1).`,
      };
    }
    return {
      short: `alg ${alg} is not accepted, only ${ACCESS_TOKEN_ALG}`,
      detail: `The token is signed ${alg}; this API accepts only ${ACCESS_TOKEN_ALG}. A verifier that let the token pick HS256 would check an HMAC keyed with its RSA public key, which everyone has (GET /api/v1/auth/jwks): that is the algorithm confusion attack (RFC 8725 §2.1).`,
    };
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return {
      short: "the signature does not match",
      detail:
        "The signature does not match the header and payload: they were changed after the token was signed, or a key other than this API's signed it.",
    };
  }
  if (error instanceof errors.JWTExpired) {
    return {
      short: "the token expired",
      detail: `The token expired at ${isoOf(error.payload.exp)} (its exp claim). Get a new one with POST /api/v1/auth/refresh, or log in again.`,
    };
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason, payload } = error;
    if (reason === "missing") {
      return {
        short: `the ${claim} claim is missing`,
        detail: `The token has no ${claim} claim, which every access token here carries.`,
      };
    }
    switch (claim) {
      case "nbf":
        return {
          short: "the token is not valid yet",
          detail: `The token is not valid before ${isoOf(payload.nbf)} (its nbf claim).`,
        };
      case "aud":
        return {
          short: "the token is for another sandbox",
          detail:
            "The token was issued for another sandbox: its aud claim is not your sandbox's id. Tokens work only in the sandbox whose users they name.",
        };
      case "iss":
        return {
          short: "the token has another issuer",
          detail: `The token's iss claim is not "${ISSUER}": this API did not issue it.`,
        };
      case "typ":
        return {
          short: `the token is not an ${ACCESS_TOKEN_TYPE}`,
          detail: `The token's typ header is not "${ACCESS_TOKEN_TYPE}": it is not an access token, whatever else it is.`,
        };
      default:
        return {
          short: `the ${claim} claim is invalid`,
          detail: `The token's ${claim} claim is invalid.`,
        };
    }
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return {
      short: "the token is not a JWT",
      detail:
        "The token is not a JWT: expect three base64url parts, header.payload.signature, the first two JSON objects.",
    };
  }
  if (error instanceof errors.JOSENotSupported) {
    return {
      short: "the token uses something not supported",
      detail: `The token uses something this API does not support: ${error.message}.`,
    };
  }
  return { short: "the token could not be verified", detail: "The token could not be verified." };
}

export function invalidToken(detail: string, short: string): HttpProblem {
  return new HttpProblem("invalid-token", detail, {
    headers: bearerChallenge({ code: "invalid_token", description: short }),
  });
}

const CLAIMS = {
  sub: /^[1-9]\d{0,9}$/,
  sid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

// #region verify
/**
 * The claims of an access token, after checking, in this order: it is a JWS whose alg is RS256
 * (never the alg the token asks for), its signature is this API's, its typ is at+jwt, and its
 * iss, aud (this sandbox), nbf and exp hold. Anything else is 401 invalid_token, saying why.
 */
export async function verifyAccessToken(token: string, sandboxId: string): Promise<AccessClaims> {
  const { publicKey } = await signingKeys();
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, publicKey, {
      algorithms: [ACCESS_TOKEN_ALG],
      typ: ACCESS_TOKEN_TYPE,
      issuer: ISSUER,
      audience: sandboxId,
      requiredClaims: ["sub", "sid", "exp", "iat", "jti"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    const { detail, short } = reasonFor(error, token);
    throw invalidToken(detail, short);
  }
  const { sub, sid, role } = payload;
  if (
    typeof sub !== "string" ||
    !CLAIMS.sub.test(sub) ||
    typeof sid !== "string" ||
    !CLAIMS.sid.test(sid) ||
    !ROLES.includes(role as Role)
  ) {
    throw invalidToken(
      "The token's sub, sid or role claim is not one this API issues.",
      "bad claims",
    );
  }
  return payload as AccessClaims;
}
// #endregion
