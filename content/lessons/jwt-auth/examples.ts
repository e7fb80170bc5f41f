import { defineExamples } from "@/content/examples";

const PROBLEM = { "content-type": "application/problem+json" } as const;
const NO_STORE = { "cache-control": "no-store" } as const;
const ALICE = { email: "alice@example.com", password: "correct horse battery staple" } as const;
const BOB = { email: "bob@example.com", password: "bob-likes-long-passphrases" } as const;
const ADMIN = { email: "admin@example.com", password: "sandbox-admin-password" } as const;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const PAIR = { tokenType: "Bearer", expiresIn: 900 } as const;
const INVALID_TOKEN = { title: "Invalid token", status: 401 } as const;

/**
 * A forged token from the lab (saved as `{{<name>Token}}` by attackTokens), sent to /auth/me, and
 * the error its WWW-Authenticate names.
 */
const attack = (title: string, name: string, description: string) => ({
  title,
  method: "GET" as const,
  path: "/api/v1/auth/me",
  headers: bearer(`{{${name}Token}}`),
  expect: {
    status: 401,
    headers: {
      ...PROBLEM,
      "www-authenticate": `error="invalid_token", error_description="${description}"`,
    },
    body: INVALID_TOKEN,
  },
});

/**
 * Every request the JWT lesson shows, in the order it shows them: one story on a fresh (or freshly
 * reset) sandbox, whose only user is the admin (id 1). Alice (2) and Bob (3) register, Alice logs
 * in and her token is forged eight ways, the admin lists the users, then Alice's refresh token is
 * rotated, reused (which revokes her session) and the admin logs out.
 *
 * Tokens are new on every login, so no text can know them: `login` captures the `accessToken`
 * field of its response's JSON body as the variable `accessToken`, and later requests write
 * `{{accessToken}}`. The consoles fill it in from the variables the learner's responses saved;
 * the replay tests from the ones their responses saved.
 */
export const examples = defineExamples({
  registerAlice: {
    title: "Register Alice",
    method: "POST",
    path: "/api/v1/auth/register",
    body: ALICE,
    expect: {
      status: 201,
      headers: { "content-type": "application/json" },
      body: { id: 2, email: ALICE.email, role: "customer" },
    },
  },
  registerBob: {
    title: "Register Bob",
    method: "POST",
    path: "/api/v1/auth/register",
    body: BOB,
    expect: { status: 201, body: { id: 3, email: BOB.email, role: "customer" } },
  },
  registerTaken: {
    title: "Alice again, in capitals",
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email: "  Alice@Example.COM", password: "another long password" },
    expect: {
      status: 409,
      headers: PROBLEM,
      body: {
        status: 409,
        detail:
          "Your sandbox already has an account for alice@example.com. Log in with it, or register another email.",
      },
    },
  },
  registerInvalid: {
    title: "No email, and a short password",
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email: "alice", password: "hunter2" },
    expect: {
      status: 422,
      headers: PROBLEM,
      body: {
        errors: [
          {
            in: "body",
            field: "email",
            message: "must be an email address, like alice@example.com",
          },
          { in: "body", field: "password", message: "must be at least 8 characters" },
        ],
      },
    },
  },
  login: {
    title: "Alice logs in",
    method: "POST",
    path: "/api/v1/auth/login",
    body: ALICE,
    captures: { accessToken: "body.accessToken", refreshToken: "body.refreshToken" },
    expect: { status: 200, headers: NO_STORE, body: PAIR },
  },
  loginWrongPassword: {
    title: "A wrong password",
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email: ALICE.email, password: "correct horse battery stable" },
    expect: {
      status: 401,
      headers: { ...PROBLEM, "www-authenticate": 'Bearer realm="sandbox"' },
      body: {
        title: "Wrong email or password",
        status: 401,
        detail: "No account in your sandbox has that email and password.",
      },
    },
  },
  loginUnknownEmail: {
    title: "An email nobody registered",
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email: "mallory@example.com", password: "correct horse battery stable" },
    expect: {
      status: 401,
      headers: { ...PROBLEM, "www-authenticate": 'Bearer realm="sandbox"' },
      body: {
        title: "Wrong email or password",
        status: 401,
        detail: "No account in your sandbox has that email and password.",
      },
    },
  },
  me: {
    title: "Who am I? Alice's access token says",
    method: "GET",
    path: "/api/v1/auth/me",
    headers: bearer("{{accessToken}}"),
    expect: { status: 200, body: { id: 2, email: ALICE.email, role: "customer" } },
  },
  meWithoutToken: {
    title: "No token at all",
    method: "GET",
    path: "/api/v1/auth/me",
    expect: {
      status: 401,
      headers: { ...PROBLEM, "www-authenticate": 'Bearer realm="sandbox"' },
      body: { title: "Access token required", status: 401 },
    },
  },
  meMalformed: {
    title: "Two tokens in one header",
    method: "GET",
    path: "/api/v1/auth/me",
    headers: { Authorization: "Bearer one two" },
    expect: {
      status: 400,
      headers: { ...PROBLEM, "www-authenticate": 'error="invalid_request"' },
      body: { status: 400 },
    },
  },
  jwks: {
    title: "The public key, for anyone",
    method: "GET",
    path: "/api/v1/auth/jwks",
    expect: {
      status: 200,
      headers: { "cache-control": "public" },
      body: { keys: [{ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" }] },
    },
  },
  attackTokens: {
    title: "Forge eight tokens from Alice's",
    method: "GET",
    path: "/api/v1/auth/attack-tokens",
    headers: bearer("{{accessToken}}"),
    captures: {
      algNoneToken: "body.algNone.token",
      wrongKeyToken: "body.wrongKey.token",
      embeddedKeyToken: "body.embeddedKey.token",
      algConfusionToken: "body.algConfusion.token",
      tamperedToken: "body.tampered.token",
      expiredToken: "body.expired.token",
      notYetValidToken: "body.notYetValid.token",
      otherSandboxToken: "body.otherSandbox.token",
    },
    expect: { status: 200 },
  },
  algNone: attack("alg: none", "algNone", "alg none is never accepted"),
  wrongKey: attack("Signed with another key", "wrongKey", "the signature does not match"),
  embeddedKey: attack(
    "Bringing its own key (jwk header)",
    "embeddedKey",
    "the signature does not match",
  ),
  algConfusion: attack(
    "HS256 keyed with the public key",
    "algConfusion",
    "alg HS256 is not accepted, only RS256",
  ),
  tampered: attack("role: admin, signature kept", "tampered", "the signature does not match"),
  expired: attack("Expired", "expired", "the token expired"),
  notYetValid: attack("Not valid yet", "notYetValid", "the token is not valid yet"),
  otherSandbox: attack(
    "Another sandbox's token",
    "otherSandbox",
    "the token is for another sandbox",
  ),
  usersAsCustomer: {
    title: "Alice asks for every user",
    method: "GET",
    path: "/api/v1/auth/users",
    headers: bearer("{{accessToken}}"),
    expect: {
      status: 403,
      headers: { ...PROBLEM, "www-authenticate": 'error="insufficient_scope"' },
      body: { title: "Your role does not allow this", status: 403 },
    },
  },
  loginAdmin: {
    title: "The admin logs in",
    method: "POST",
    path: "/api/v1/auth/login",
    body: ADMIN,
    captures: { adminToken: "body.accessToken" },
    expect: { status: 200, headers: NO_STORE, body: PAIR },
  },
  usersAsAdmin: {
    title: "The admin asks for every user",
    method: "GET",
    path: "/api/v1/auth/users",
    headers: bearer("{{adminToken}}"),
    expect: {
      status: 200,
      body: {
        data: [
          { id: 1, email: ADMIN.email, role: "admin" },
          { id: 2, email: ALICE.email, role: "customer" },
          { id: 3, email: BOB.email, role: "customer" },
        ],
      },
    },
  },
  refresh: {
    title: "Alice's app refreshes",
    method: "POST",
    path: "/api/v1/auth/refresh",
    body: { refreshToken: "{{refreshToken}}" },
    captures: { newAccessToken: "body.accessToken", newRefreshToken: "body.refreshToken" },
    expect: { status: 200, headers: NO_STORE, body: PAIR },
  },
  refreshReused: {
    title: "Someone sends the old refresh token again",
    method: "POST",
    path: "/api/v1/auth/refresh",
    body: { refreshToken: "{{refreshToken}}" },
    expect: {
      status: 401,
      headers: {
        ...PROBLEM,
        "www-authenticate": 'error_description="refresh token reused; the session is revoked"',
      },
      body: INVALID_TOKEN,
    },
  },
  refreshAfterReuse: {
    title: "Alice's app refreshes with its new token",
    method: "POST",
    path: "/api/v1/auth/refresh",
    body: { refreshToken: "{{newRefreshToken}}" },
    expect: {
      status: 401,
      headers: { "www-authenticate": 'error_description="the session has ended"' },
      body: INVALID_TOKEN,
    },
  },
  meAfterReuse: {
    title: "And its newest access token",
    method: "GET",
    path: "/api/v1/auth/me",
    headers: bearer("{{newAccessToken}}"),
    expect: {
      status: 401,
      headers: { "www-authenticate": 'error_description="the session has ended"' },
      body: INVALID_TOKEN,
    },
  },
  logout: {
    title: "The admin logs out",
    method: "POST",
    path: "/api/v1/auth/logout",
    headers: bearer("{{adminToken}}"),
    expect: { status: 204 },
  },
  meAfterLogout: {
    title: "The admin's token, after logout",
    method: "GET",
    path: "/api/v1/auth/me",
    headers: bearer("{{adminToken}}"),
    expect: {
      status: 401,
      headers: { "www-authenticate": 'error_description="the session has ended"' },
      body: INVALID_TOKEN,
    },
  },
});
