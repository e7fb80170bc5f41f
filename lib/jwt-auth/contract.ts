import { z } from "zod";
import { ROLES } from "@/db/schema/sandbox-users";
import { defineOperation } from "@/lib/http/contract";
import { requiredString } from "@/lib/http/fields";

/**
 * The JWT lesson's contract: register and log in your sandbox's users, and use, refresh and end
 * the tokens a login gives. Handlers validate with it, tests check responses against it, and
 * /api/openapi.json is generated from it.
 */

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

// #region bodies
const email = requiredString()
  .trim()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be an email address, like alice@example.com" }));
// NIST SP 800-63B: at least 8 characters, long passphrases allowed, no composition rules.
const newPassword = requiredString()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
// At login, any length up to the bound: a rule applied here would say which passwords cannot exist.
const password = requiredString()
  .min(1, "must not be empty")
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const registerBody = z.strictObject({ email, password: newPassword });
export const loginBody = z.strictObject({ email, password });
export const refreshBody = z.strictObject({
  refreshToken: requiredString().min(1, "must not be empty").max(200, "is too long to be ours"),
});
// #endregion

/** A user as /auth/me shows it. */
export const accountView = z.strictObject({
  id: z.number().int().positive(),
  email: z.string(),
  role: z.enum(ROLES),
});
export const accountListView = z.strictObject({
  data: z.array(accountView.extend({ createdAt: z.iso.datetime() })),
});

/** What login and refresh answer (the shape of OAuth 2.0's token response, RFC 6749 §5.1). */
export const tokenPair = z.strictObject({
  accessToken: z.string().describe("A JWT (RS256) to send as Authorization: Bearer"),
  refreshToken: z
    .string()
    .describe("Opaque; exchange it once at POST /api/v1/auth/refresh for a new pair"),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().positive().describe("Seconds until the access token expires"),
});

const jwk = z.looseObject({
  kty: z.literal("RSA"),
  n: z.string(),
  e: z.string(),
  kid: z.string(),
  alg: z.literal("RS256"),
  use: z.literal("sig"),
});

/** The attacks the lesson's lab forges tokens for (lib/jwt-auth/attacks.ts). */
export const ATTACKS = [
  "algNone",
  "wrongKey",
  "embeddedKey",
  "algConfusion",
  "tampered",
  "expired",
  "notYetValid",
  "otherSandbox",
] as const;
export type Attack = (typeof ATTACKS)[number];

const attackToken = z.strictObject({ token: z.string(), attack: z.string() });
export const attackTokensView = z.strictObject(
  Object.fromEntries(ATTACKS.map((name) => [name, attackToken])) as Record<
    (typeof ATTACKS)[number],
    typeof attackToken
  >,
);

const noStore = {
  "cache-control": { description: "no-store: tokens are never cached", required: true },
};

export const register = defineOperation({
  method: "POST",
  path: "/api/v1/auth/register",
  summary: "Register a user in your sandbox",
  body: registerBody,
  responses: { 201: { description: "Registered, as a customer", body: accountView } },
  problems: ["conflict"],
});

export const login = defineOperation({
  method: "POST",
  path: "/api/v1/auth/login",
  summary: "Log in: an access token and a refresh token",
  body: loginBody,
  responses: { 200: { description: "A new session's tokens", body: tokenPair, headers: noStore } },
  problems: ["invalid-credentials"],
});

export const me = defineOperation({
  method: "GET",
  path: "/api/v1/auth/me",
  summary: "The user your access token belongs to",
  bearer: true,
  responses: { 200: { description: "You", body: accountView } },
});

export const refresh = defineOperation({
  method: "POST",
  path: "/api/v1/auth/refresh",
  summary: "Exchange a refresh token for a new pair (once: reuse revokes the session)",
  body: refreshBody,
  responses: {
    200: { description: "The session's next tokens", body: tokenPair, headers: noStore },
  },
  problems: ["invalid-token"],
});

export const logout = defineOperation({
  method: "POST",
  path: "/api/v1/auth/logout",
  summary: "End the session of your access token",
  bearer: true,
  responses: { 204: { description: "Ended: its refresh and access tokens no longer work" } },
});

export const listUsers = defineOperation({
  method: "GET",
  path: "/api/v1/auth/users",
  summary: "Every user of your sandbox (admins only)",
  bearer: true,
  responses: { 200: { description: "Your sandbox's users", body: accountListView } },
  problems: ["insufficient-role"],
});

export const jwks = defineOperation({
  method: "GET",
  path: "/api/v1/auth/jwks",
  summary: "The public key that verifies access tokens (a JWK Set)",
  auth: "optional",
  responses: {
    200: {
      description: "A JWK Set (RFC 7517 §5) of one RSA key",
      body: z.strictObject({ keys: z.array(jwk) }),
    },
  },
});

export const attackTokens = defineOperation({
  method: "GET",
  path: "/api/v1/auth/attack-tokens",
  summary: "Forged and broken variants of your access token, to send to /auth/me",
  description:
    "The lesson's lab: each token tries one attack on JWT verification (alg none, another key, an embedded key, HS/RS confusion, a tampered payload, expired, not yet valid, another sandbox's). Every one of them is refused by GET /api/v1/auth/me with 401.",
  bearer: true,
  responses: { 200: { description: "One token per attack", body: attackTokensView } },
});

/** The JWT lesson's API, in the order the lesson teaches it. */
export const jwtAuthApi = [
  register,
  login,
  me,
  refresh,
  logout,
  listUsers,
  jwks,
  attackTokens,
] as const;
