import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportSPKI,
  importJWK,
  type JWK,
  jwtVerify,
  SignJWT,
  UnsecuredJWT,
} from "jose";
import { describe, expect, it } from "vitest";
import { signingKeys } from "@/lib/jwt-auth/keys";
import { ISSUER } from "@/lib/jwt-auth/tokens";
import { resetSandbox } from "@/lib/sandbox/lifecycle";
import { SEED_ADMIN } from "@/lib/sandbox-users/seed";
import { expectProblem, newSandboxKey } from "../harness";
import { ALICE, auth, me, register, tokensFor } from "./client";

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A sandbox with Alice registered, her tokens, and her token's claims. */
async function aliceSandbox() {
  const key = await newSandboxKey();
  await register(key, ALICE.email, ALICE.password);
  const pair = await tokensFor(key, ALICE.email, ALICE.password);
  return { key, pair, claims: decodeJwt(pair.accessToken) };
}

/** Asserts a 401 invalid_token whose WWW-Authenticate gives `description`. */
async function expectInvalidToken(res: Response, description: string) {
  const challenge = res.headers.get("www-authenticate");
  const body = await expectProblem(res, "invalid-token");
  expect(challenge).toBe(
    `Bearer realm="sandbox", error="invalid_token", error_description="${description}"`,
  );
  return body;
}

/** Signs `payload` with the server's real key and header, as only the server can. */
async function serverSigned(
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
) {
  const { privateKey, kid } = await signingKeys();
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid, ...header })
    .sign(privateKey);
}

describe("access tokens", () => {
  it("are RS256 at+jwt with iss, aud (the sandbox), sub, sid, role, iat, exp and jti, verifiable with the JWKS", async () => {
    const { pair, claims } = await aliceSandbox();
    const header = decodeProtectedHeader(pair.accessToken);
    expect(header).toMatchObject({ alg: "RS256", typ: "at+jwt" });
    expect(claims).toMatchObject({ iss: ISSUER, sub: "2", role: "customer" });
    expect(claims.exp).toBe((claims.iat ?? 0) + 900);
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    const jwks = await (await auth("jwks")).json();
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: header.kid });
    expect(jwks.keys[0]).not.toHaveProperty("d");
    await expect(
      jwtVerify(pair.accessToken, createLocalJWKSet(jwks), { issuer: ISSUER }),
    ).resolves.toBeDefined();
  });

  it("GET /auth/me answers who the token's user is", async () => {
    const { key, pair } = await aliceSandbox();
    const res = await me(key, pair.accessToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 2, email: ALICE.email, role: "customer" });
    expect(res.headers.get("server-timing")).toMatch(/token;.*account;/);
    // The scheme is case-insensitive (RFC 9110 §11.1).
    const lower = await auth("me", {
      key,
      headers: { authorization: `bearer ${pair.accessToken}` },
    });
    expect(lower.status).toBe(200);
  });

  it("without a token, or with another scheme, is 401 with a bare Bearer challenge", async () => {
    const key = await newSandboxKey();
    for (const headers of [{}, { authorization: "Basic YWxpY2U6cHc=" }] as Record<
      string,
      string
    >[]) {
      const res = await auth("me", { key, headers });
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="sandbox"');
      await expectProblem(res, "token-required");
    }
  });

  it("with a malformed Bearer header is 400 invalid_request", async () => {
    const key = await newSandboxKey();
    for (const authorization of ["Bearer", "Bearer a b", "Bearer a,b", "Bearer é"]) {
      const res = await auth("me", { key, headers: { authorization } });
      expect(res.headers.get("www-authenticate"), authorization).toMatch(
        /^Bearer realm="sandbox", error="invalid_request", error_description="[^"]+"$/,
      );
      await expectProblem(res, "malformed-request");
    }
  });

  it("without a sandbox key is the sandbox's 401, before any token is looked at", async () => {
    const { pair } = await aliceSandbox();
    const res = await auth("me", { token: pair.accessToken });
    expect(res.headers.get("www-authenticate")).toMatch(/^SandboxKey/);
    await expectProblem(res, "unauthorized");
  });
});

describe("forged and broken tokens are 401 invalid_token, saying why", () => {
  it("alg none, with the payload made admin", async () => {
    const { key, claims } = await aliceSandbox();
    const token = new UnsecuredJWT({ ...claims, role: "admin" }).encode();
    await expectInvalidToken(await me(key, token), "alg none is never accepted");
    // Any spelling of none, and with a signature appended.
    const none = `${b64({ alg: "nOnE", typ: "at+jwt" })}.${b64({ ...claims, role: "admin" })}.`;
    await expectInvalidToken(await me(key, none), "alg none is never accepted");
  });

  it("signed with another RSA key, even one the token carries in its jwk header", async () => {
    const { key, claims } = await aliceSandbox();
    const { generateKeyPair, exportJWK } = await import("jose");
    const attacker = await generateKeyPair("RS256", { extractable: true });
    const { kid } = await signingKeys();
    const forged = await new SignJWT({ ...claims, role: "admin" })
      .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid })
      .sign(attacker.privateKey);
    await expectInvalidToken(await me(key, forged), "the signature does not match");
    const embedded = await new SignJWT({ ...claims, role: "admin" })
      .setProtectedHeader({
        alg: "RS256",
        typ: "at+jwt",
        jwk: await exportJWK(attacker.publicKey),
      })
      .sign(attacker.privateKey);
    await expectInvalidToken(await me(key, embedded), "the signature does not match");
  });

  it("HS256 with the server's public key (from the JWKS) as the HMAC secret", async () => {
    const { key, claims } = await aliceSandbox();
    const { keys } = (await (await auth("jwks")).json()) as { keys: JWK[] };
    const publicKey = await importJWK(keys[0] as JWK, "RS256", { extractable: true });
    const pem = await exportSPKI(publicKey as CryptoKey);
    for (const secret of [pem, pem.trim(), JSON.stringify(keys[0])]) {
      const forged = await new SignJWT({ ...claims, role: "admin" })
        .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
        .sign(new TextEncoder().encode(secret));
      await expectInvalidToken(await me(key, forged), "alg HS256 is not accepted, only RS256");
    }
  });

  it("a payload changed under its real signature", async () => {
    const { key, pair, claims } = await aliceSandbox();
    const [header, , signature] = pair.accessToken.split(".");
    for (const change of [{ role: "admin" }, { sub: "1" }, { exp: now() + 86_400 }]) {
      const tampered = `${header}.${b64({ ...claims, ...change })}.${signature}`;
      await expectInvalidToken(await me(key, tampered), "the signature does not match");
    }
    // The header too: the signature covers it.
    const retyped = `${b64({ ...decodeProtectedHeader(pair.accessToken), kid: "x" })}.${pair.accessToken.split(".")[1]}.${signature}`;
    await expectInvalidToken(await me(key, retyped), "the signature does not match");
  });

  it("expired, or not valid yet, though signed by the server", async () => {
    const { key, claims } = await aliceSandbox();
    const expired = await serverSigned({ ...claims, iat: now() - 1000, exp: now() - 60 });
    const body = await expectInvalidToken(await me(key, expired), "the token expired");
    expect(body.detail).toContain("/api/v1/auth/refresh");
    const early = await serverSigned({ ...claims, nbf: now() + 3600, exp: now() + 4500 });
    await expectInvalidToken(await me(key, early), "the token is not valid yet");
  });

  it("issued in another sandbox, for a user with the same id there", async () => {
    const a = await aliceSandbox();
    const b = await aliceSandbox();
    expect(a.claims.sub).toBe(b.claims.sub);
    await expectInvalidToken(
      await me(b.key, a.pair.accessToken),
      "the token is for another sandbox",
    );
    await expectInvalidToken(
      await me(a.key, b.pair.accessToken),
      "the token is for another sandbox",
    );
  });

  it("of another type, issuer, or missing a claim", async () => {
    const { key, claims } = await aliceSandbox();
    const plainJwt = await serverSigned(claims, { typ: "JWT" });
    await expectInvalidToken(await me(key, plainJwt), "the token is not an at+jwt");
    const otherIssuer = await serverSigned({ ...claims, iss: "someone-else" });
    await expectInvalidToken(await me(key, otherIssuer), "the token has another issuer");
    const { sid: _sid, ...withoutSid } = claims;
    const noSession = await serverSigned(withoutSid);
    await expectInvalidToken(await me(key, noSession), "the sid claim is missing");
    // A header extension the verifier must understand (RFC 7515 §4.1.11), and does not.
    const { privateKey, kid } = await signingKeys();
    const input = `${b64({ alg: "RS256", typ: "at+jwt", kid, crit: ["x-bmj"], "x-bmj": 1 })}.${b64(claims)}`;
    const signature = await crypto.subtle.sign(
      "RSASSA-PKCS1-v1_5",
      privateKey,
      new TextEncoder().encode(input),
    );
    const critical = `${input}.${Buffer.from(signature).toString("base64url")}`;
    await expectInvalidToken(await me(key, critical), "the token uses something not supported");
  });

  it("not a JWT at all", async () => {
    const key = await newSandboxKey();
    for (const token of ["abc", "a.b.c", `${b64([1])}.${b64({})}.x`]) {
      await expectInvalidToken(await me(key, token), "the token is not a JWT");
    }
  });

  it("for a user a reset deleted", async () => {
    const { key, pair } = await aliceSandbox();
    const { lookupSandboxId } = await import("./sandbox-id");
    await resetSandbox({ sandboxId: await lookupSandboxId(key) });
    await expectInvalidToken(await me(key, pair.accessToken), "the session no longer exists");
  });

  it("every one of the lab's tokens, which each name the attack they try", async () => {
    const { key, pair } = await aliceSandbox();
    const res = await auth("attack-tokens", { key, token: pair.accessToken });
    expect(res.status).toBe(200);
    const lab = (await res.json()) as Record<string, { token: string; attack: string }>;
    const expected: Record<string, string> = {
      algNone: "alg none is never accepted",
      wrongKey: "the signature does not match",
      embeddedKey: "the signature does not match",
      algConfusion: "alg HS256 is not accepted, only RS256",
      tampered: "the signature does not match",
      expired: "the token expired",
      notYetValid: "the token is not valid yet",
      otherSandbox: "the token is for another sandbox",
    };
    expect(Object.keys(lab).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, { token, attack }] of Object.entries(lab)) {
      expect(attack.length, name).toBeGreaterThan(20);
      await expectInvalidToken(await me(key, token), expected[name] ?? "");
    }
    // The lab's server-signed tokens name no session: with their time or audience fixed, they
    // would still fail (as an unknown session), never log anyone in.
    const expiredClaims = decodeJwt(lab.expired?.token ?? "");
    expect(expiredClaims.sid).not.toBe(decodeJwt(pair.accessToken).sid);
  });
});

describe("GET /api/v1/auth/users (admins only)", () => {
  it("is 403 insufficient_scope for a customer, 200 for the admin, and lists this sandbox only", async () => {
    const { key, pair } = await aliceSandbox();
    const refused = await auth("users", { key, token: pair.accessToken });
    expect(refused.headers.get("www-authenticate")).toBe(
      'Bearer realm="sandbox", error="insufficient_scope", error_description="requires the admin role"',
    );
    await expectProblem(refused, "insufficient-role");
    const other = await newSandboxKey();
    await register(other, "carol@example.com", "carol's password");
    const admin = await tokensFor(key);
    const res = await auth("users", { key, token: admin.accessToken });
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data.map((u: { email: string }) => u.email)).toEqual([SEED_ADMIN.email, ALICE.email]);
    expect(JSON.stringify(data)).not.toMatch(/argon2|password/i);
  });
});
