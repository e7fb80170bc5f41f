import { randomUUID } from "node:crypto";
import {
  type CryptoKey,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  type JWTPayload,
  SignJWT,
  UnsecuredJWT,
} from "jose";
import type { Attack } from "./contract";
import { ACCESS_TOKEN_ALG, signingKeys } from "./keys";
import { ACCESS_TOKEN_SECONDS, ACCESS_TOKEN_TYPE, nowSeconds } from "./tokens";

/** One forged or broken token, and what it tries. */
export type AttackToken = { token: string; attack: string };

// An attacker's own RSA key, made once per process (making one takes tens of milliseconds).
const globalForAttacker = globalThis as unknown as {
  bmjAttackerKeys?: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }>;
};
const attackerKeys = () => {
  globalForAttacker.bmjAttackerKeys ??= generateKeyPair(ACCESS_TOKEN_ALG, { extractable: true });
  return globalForAttacker.bmjAttackerKeys;
};

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

// #region attacks
/**
 * Tokens an attacker could make from your access token (whose payload anyone can read), and
 * three that only the server's key could sign: the lesson sends each to GET /auth/me, and each
 * is refused with 401 invalid_token. The signed ones name a session that does not exist, so none
 * of them could ever work, even once its nbf has passed.
 */
export async function attackTokens(token: string): Promise<Record<Attack, AttackToken>> {
  const { privateKey: serverKey, publicPem, kid } = await signingKeys();
  const attacker = await attackerKeys();
  const now = nowSeconds();
  const payload: JWTPayload = decodeJwt(token);
  const [header = "", , signature = ""] = token.split(".");
  const asAdmin = { ...payload, role: "admin", exp: now + 365 * 24 * 3600 };
  const header0 = { alg: ACCESS_TOKEN_ALG, typ: ACCESS_TOKEN_TYPE, kid };
  const signed = (claimsSet: JWTPayload) =>
    new SignJWT(claimsSet).setProtectedHeader(header0).sign(serverKey);
  const noSession = { ...payload, sid: randomUUID(), jti: randomUUID() };

  return {
    algNone: {
      attack:
        'Your payload made admin, with the header {"alg":"none"} and no signature: "trust me, I am not signed".',
      token: new UnsecuredJWT(asAdmin).encode(),
    },
    wrongKey: {
      attack:
        "Your payload made admin, signed RS256 with the attacker's own RSA key (and your token's kid).",
      token: await new SignJWT(asAdmin).setProtectedHeader(header0).sign(attacker.privateKey),
    },
    embeddedKey: {
      attack:
        "The same, with the attacker's public key in the header's jwk parameter, for a verifier that trusts whatever key a token brings.",
      token: await new SignJWT(asAdmin)
        .setProtectedHeader({
          alg: ACCESS_TOKEN_ALG,
          typ: ACCESS_TOKEN_TYPE,
          jwk: await exportJWK(attacker.publicKey),
        })
        .sign(attacker.privateKey),
    },
    algConfusion: {
      attack:
        "Your payload made admin, signed HS256 with this API's RSA public key (PEM) as the HMAC secret: the HS/RS confusion.",
      token: await new SignJWT(asAdmin)
        .setProtectedHeader({ alg: "HS256", typ: ACCESS_TOKEN_TYPE, kid })
        .sign(new TextEncoder().encode(publicPem)),
    },
    tampered: {
      attack:
        "Your token with its payload edited (role admin, valid for a year) and its signature kept.",
      token: `${header}.${b64url(asAdmin)}.${signature}`,
    },
    expired: {
      attack: "Signed by this API, but its exp is a minute ago.",
      token: await signed({
        ...noSession,
        iat: now - ACCESS_TOKEN_SECONDS - 60,
        exp: now - 60,
      }),
    },
    notYetValid: {
      attack: "Signed by this API, but its nbf is an hour from now.",
      token: await signed({
        ...noSession,
        iat: now,
        nbf: now + 3600,
        exp: now + 3600 + ACCESS_TOKEN_SECONDS,
      }),
    },
    otherSandbox: {
      attack: "Signed by this API, but for another sandbox: its aud is not your sandbox's id.",
      token: await signed({
        ...noSession,
        aud: randomUUID(),
        iat: now,
        exp: now + ACCESS_TOKEN_SECONDS,
      }),
    },
  };
}
// #endregion
