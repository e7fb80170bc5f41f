import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from "jose";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/** The one algorithm this API signs and accepts access tokens with. */
export const ACCESS_TOKEN_ALG = "RS256";

export type SigningKeys = {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as a JWK, with its `kid`, `alg` and `use`: what GET /auth/jwks publishes. */
  publicJwk: JWK;
  /** The public key in PEM (SPKI): the bytes an algorithm-confusion attack uses as an HMAC key. */
  publicPem: string;
  kid: string;
};

async function load(): Promise<SigningKeys> {
  const pem = env().JWT_PRIVATE_KEY;
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  if (pem) {
    privateKey = await importPKCS8(pem, ACCESS_TOKEN_ALG, { extractable: true });
    const { modulusLength } = privateKey.algorithm as RsaHashedKeyAlgorithm;
    if (modulusLength < 2048) {
      throw new Error(`JWT_PRIVATE_KEY: an RSA key of ${modulusLength} bits; use 2048 or more`);
    }
    // The public half, from the private JWK's public members.
    const { kty, n, e } = await exportJWK(privateKey);
    publicKey = (await importJWK({ kty, n, e }, ACCESS_TOKEN_ALG, {
      extractable: true,
    })) as CryptoKey;
  } else {
    ({ privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALG, {
      modulusLength: 2048,
      extractable: true,
    }));
    logger.warn(
      "JWT_PRIVATE_KEY is not set: access tokens are signed with a key made for this process. They stop verifying when it restarts, and on any other instance. Set JWT_PRIVATE_KEY (see .env.example) when deploying.",
    );
  }
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    privateKey,
    publicKey,
    publicJwk: { ...jwk, kid, alg: ACCESS_TOKEN_ALG, use: "sig" },
    publicPem: await exportSPKI(publicKey),
    kid,
  };
}

// Kept on globalThis: Next bundles each route separately, and a key made per bundle would make
// the login route's tokens fail on every other route.
const globalForKeys = globalThis as unknown as { bmjJwtKeys?: Promise<SigningKeys> };

/** This deployment's signing keys: from JWT_PRIVATE_KEY, or made once per process. */
export function signingKeys(): Promise<SigningKeys> {
  globalForKeys.bmjJwtKeys ??= load().catch((error: unknown) => {
    globalForKeys.bmjJwtKeys = undefined;
    throw error;
  });
  return globalForKeys.bmjJwtKeys;
}
