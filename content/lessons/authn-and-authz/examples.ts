import { defineExamples } from "@/content/examples";

const PROBLEM = { "content-type": "application/problem+json" } as const;
const ALICE = { email: "alice@example.com", password: "correct horse battery staple" } as const;
const BOB = { email: "bob@example.com", password: "bob-likes-long-passphrases" } as const;
const ADMIN = { email: "admin@example.com", password: "sandbox-admin-password" } as const;

const COOKIE_CHALLENGE = {
  ...PROBLEM,
  "www-authenticate": 'Cookie realm="sessions", form-action="/api/v1/sessions/login"',
} as const;
/** The CSRF token of the latest login: each login captures its own into `{{csrfToken}}`. */
const csrf = { "X-CSRF-Token": "{{csrfToken}}" } as const;
const NOT_FOUND = { title: "Not found", status: 404 } as const;
const CSRF_REJECTED = {
  title: "Refused as a possible cross-site request forgery",
  status: 403,
} as const;

/**
 * Every request the sessions lesson shows, in the order it shows them: one story in one browser
 * on a fresh (or freshly reset) sandbox, whose only user is the admin (id 1). Alice (2) and Bob
 * (3) register; Alice logs in, writes a note and is refused the admin's list; Bob logs in in the
 * same browser (Alice's session ends) and cannot see her note; the admin logs in, reads it but may
 * not delete it, and logs out.
 *
 * The session cookie travels by itself: the browser (and the replay tests' cookie jar) keeps what
 * each login sets and sends it to /api/v1/sessions/…. The CSRF token is new on every login: each
 * login captures it as the variable `csrfToken`, which the writes after it send.
 */
export const examples = defineExamples({
  meAnonymous: {
    title: "Who am I? Nobody yet",
    method: "GET",
    path: "/api/v1/sessions/me",
    expect: {
      status: 401,
      headers: COOKIE_CHALLENGE,
      body: { title: "Log in first", status: 401 },
    },
  },
  registerAlice: {
    title: "Register Alice",
    method: "POST",
    path: "/api/v1/sessions/register",
    body: ALICE,
    expect: { status: 201, body: { id: 2, email: ALICE.email, role: "customer" } },
  },
  registerBob: {
    title: "Register Bob",
    method: "POST",
    path: "/api/v1/sessions/register",
    body: BOB,
    expect: { status: 201, body: { id: 3, email: BOB.email, role: "customer" } },
  },
  loginWrongPassword: {
    title: "A wrong password",
    method: "POST",
    path: "/api/v1/sessions/login",
    body: { email: ALICE.email, password: "correct horse battery stable" },
    expect: {
      status: 401,
      headers: COOKIE_CHALLENGE,
      body: {
        title: "Wrong email or password",
        detail: "No account in your sandbox has that email and password.",
      },
    },
  },
  loginAlice: {
    title: "Alice logs in",
    method: "POST",
    path: "/api/v1/sessions/login",
    body: ALICE,
    captures: { csrfToken: "body.csrfToken" },
    expect: {
      status: 200,
      headers: { "cache-control": "no-store" },
      body: {
        user: { id: 2, email: ALICE.email, role: "customer" },
        session: { current: true, state: "active", endedAt: null },
      },
    },
  },
  meAlice: {
    title: "Who am I? The cookie says",
    method: "GET",
    path: "/api/v1/sessions/me",
    expect: {
      status: 200,
      body: { user: { id: 2, email: ALICE.email, role: "customer" }, session: { current: true } },
    },
  },
  noteWithoutToken: {
    title: "A change with the cookie alone",
    method: "POST",
    path: "/api/v1/sessions/notes",
    body: { title: "Buy milk" },
    expect: { status: 403, headers: PROBLEM, body: CSRF_REJECTED },
  },
  noteWrongToken: {
    title: "A token the attacker guessed",
    method: "POST",
    path: "/api/v1/sessions/notes",
    headers: { "X-CSRF-Token": "guessed-by-an-attacker" },
    body: { title: "Buy milk" },
    expect: {
      status: 403,
      headers: PROBLEM,
      body: {
        ...CSRF_REJECTED,
        detail: "X-CSRF-Token is not your session's CSRF token. Nothing was changed.",
      },
    },
  },
  createNote: {
    title: "Alice writes a note",
    method: "POST",
    path: "/api/v1/sessions/notes",
    headers: csrf,
    body: { title: "Buy milk", body: "Two litres, semi-skimmed." },
    expect: {
      status: 201,
      headers: { location: "/api/v1/sessions/notes/1" },
      body: { id: 1, ownerId: 2, title: "Buy milk" },
    },
  },
  aliceSessions: {
    title: "Alice's sessions",
    method: "GET",
    path: "/api/v1/sessions",
    expect: { status: 200, body: { data: [{ current: true, state: "active" }] } },
  },
  aliceAsksForUsers: {
    title: "Alice asks for every user",
    method: "GET",
    path: "/api/v1/sessions/admin/users",
    expect: {
      status: 403,
      headers: PROBLEM,
      body: { title: "Your role does not allow this", status: 403 },
    },
  },
  loginBob: {
    title: "Bob logs in, in the same browser",
    method: "POST",
    path: "/api/v1/sessions/login",
    body: BOB,
    captures: { csrfToken: "body.csrfToken" },
    expect: { status: 200, body: { user: { id: 3, email: BOB.email } } },
  },
  bobReadsAlicesNote: {
    title: "Bob asks for Alice's note 1",
    method: "GET",
    path: "/api/v1/sessions/notes/1",
    expect: {
      status: 404,
      headers: PROBLEM,
      body: { ...NOT_FOUND, detail: "You have no note 1." },
    },
  },
  bobReadsNoNote: {
    title: "Bob asks for note 99, which nobody wrote",
    method: "GET",
    path: "/api/v1/sessions/notes/99",
    expect: {
      status: 404,
      headers: PROBLEM,
      body: { ...NOT_FOUND, detail: "You have no note 99." },
    },
  },
  bobChangesAlicesNote: {
    title: "Bob tries to change it anyway",
    method: "PATCH",
    path: "/api/v1/sessions/notes/1",
    headers: csrf,
    body: { title: "Buy beer" },
    expect: { status: 404, headers: PROBLEM, body: NOT_FOUND },
  },
  bobsNotes: {
    title: "Bob's notes: none",
    method: "GET",
    path: "/api/v1/sessions/notes",
    expect: { status: 200, body: { data: [] } },
  },
  loginAdmin: {
    title: "The admin logs in",
    method: "POST",
    path: "/api/v1/sessions/login",
    body: ADMIN,
    captures: { csrfToken: "body.csrfToken" },
    expect: { status: 200, body: { user: { id: 1, email: ADMIN.email, role: "admin" } } },
  },
  adminListsUsers: {
    title: "The admin asks for every user",
    method: "GET",
    path: "/api/v1/sessions/admin/users",
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
  adminReadsAlicesNote: {
    title: "The admin reads Alice's note",
    method: "GET",
    path: "/api/v1/sessions/notes/1",
    expect: { status: 200, body: { id: 1, ownerId: 2, title: "Buy milk" } },
  },
  adminDeletesAlicesNote: {
    title: "The admin tries to delete it",
    method: "DELETE",
    path: "/api/v1/sessions/notes/1",
    headers: csrf,
    expect: {
      status: 403,
      headers: PROBLEM,
      body: { title: "Only its owner may do this", status: 403 },
    },
  },
  logout: {
    title: "The admin logs out",
    method: "POST",
    path: "/api/v1/sessions/logout",
    headers: csrf,
    expect: { status: 204 },
  },
  meAfterLogout: {
    title: "Who am I now?",
    method: "GET",
    path: "/api/v1/sessions/me",
    expect: { status: 401, headers: COOKIE_CHALLENGE, body: { title: "Log in first" } },
  },
});
