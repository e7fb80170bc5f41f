import { refreshToken, tokenFamily } from "@/db/schema/jwt-auth";
import { jwtAuthApi } from "@/lib/jwt-auth/contract";
import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "jwt-auth",
  title: "Build JWT authentication",
  summary:
    "Register users in your sandbox, store their passwords with argon2id, log in for a short-lived JWT access token and a rotating refresh token, and watch eight forged tokens fail: alg none, a wrong key, HS/RS confusion, tampering, expiry and more.",
  objectives: [
    "Read a JWT: header, payload and signature in base64url, and the registered claims iss, sub, aud, exp, nbf, iat, jti",
    "Say what HS256 and RS256 sign with, who can verify each, and why the verifier, not the token, picks the algorithm",
    "Store passwords with a slow, salted hash (argon2id), and answer a login the same way whether or not the email exists",
    "Limit login attempts per account and per client",
    "Use a short-lived access token and a refresh token rotated on every use, and revoke a session when a used refresh token comes back",
    "Send Authorization: Bearer and read WWW-Authenticate errors (RFC 6750)",
    "Refuse alg none, foreign keys, algorithm confusion, tampered, expired, not-yet-valid and other-tenant tokens",
    "Choose where a browser should keep tokens",
  ],
  minutes: 60,
  api: jwtAuthApi,
  // Its users (sandbox_user, and their seeded admin) are declared by the lesson before it,
  // authn-and-authz.
  data: { tables: [tokenFamily, refreshToken] },
  examples,
  checks,
  explains: {
    "invalid-credentials": "log-in",
    "token-required": "send-the-access-token",
    "invalid-token": "www-authenticate-what-went-wrong",
    "insufficient-role": "roles-401-and-403",
  },
});
