import { userNote, userSession } from "@/db/schema/authn-and-authz";
import { sandboxUser } from "@/db/schema/sandbox-users";
import { authnAndAuthzApi } from "@/lib/authn-and-authz/contract";
import { defineLesson } from "@/lib/lessons/define";
import { seedAccounts } from "@/lib/sandbox-users/seed";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "authn-and-authz",
  title: "Authentication and authorization",
  summary:
    "Log your sandbox's users in with server-side sessions: an opaque token in an httpOnly, SameSite cookie, a session row in Postgres, logout that revokes it, idle and absolute expiry. Then stop cross-site request forgery, and decide who may do what: roles, ownership, and 401, 403 or 404.",
  objectives: [
    "Tell authentication (who is this?) from authorization (may they do this?)",
    "Keep a login as a server-side session: a random token in a cookie, only its hash in the database",
    "Set a session cookie's attributes on purpose: HttpOnly, Secure, SameSite, Path, Max-Age",
    "End sessions on the server: logout, revocation, idle and absolute expiry",
    "Issue a new session id at every login, against session fixation",
    "Stop cross-site request forgery with an origin check and a CSRF token, and say why SameSite alone is not enough",
    "Answer 401, 403 or 404 for the right reason, and check roles and ownership on every request",
  ],
  minutes: 50,
  api: authnAndAuthzApi,
  // The users of every sandbox live here, the first lesson to log them in; the JWT and shop
  // lessons use the same users.
  data: { tables: [sandboxUser, userSession, userNote], seed: seedAccounts },
  examples,
  checks,
  explains: {
    "session-required": "a-session-cookie",
    "invalid-session": "ending-a-session",
    "csrf-rejected": "cross-site-request-forgery",
    "insufficient-role": "roles-401-or-403",
    "not-owner": "ownership-403-or-404",
  },
});
