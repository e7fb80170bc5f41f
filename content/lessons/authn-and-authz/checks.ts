import { eq } from "drizzle-orm";
import { userSession } from "@/db/schema/authn-and-authz";
import type { Check } from "@/lib/lessons/checks";
import { requested } from "@/lib/lessons/checks";
import { ownedBy } from "@/lib/sandbox/scope";

/** What "Check my work" looks for in your sandbox (its sessions and request log). */
export const checks: Check[] = [
  requested(
    {
      id: "logged-in",
      title: "You logged in and your session cookie identified you",
      hint: "Log in with POST /api/v1/sessions/login, then call GET /api/v1/sessions/me: the browser sends the cookie by itself.",
    },
    { method: "GET", path: "/api/v1/sessions/me", status: 200, spans: ["session"] },
  ),
  requested(
    {
      id: "csrf-refused",
      title: "A change made with the cookie but without the right CSRF token was refused",
      hint: "While logged in, write a note (POST /api/v1/sessions/notes) without the X-CSRF-Token header, or with a wrong one.",
    },
    { method: ["POST", "PATCH", "DELETE"], path: /^\/api\/v1\/sessions(\/|$)/, status: 403 },
  ),
  requested(
    {
      id: "csrf-accepted",
      title: "You wrote a note with the session's CSRF token",
      hint: "Send the csrfToken of your login in the X-CSRF-Token header of POST /api/v1/sessions/notes.",
    },
    { method: "POST", path: "/api/v1/sessions/notes", status: 201, sent: ["x-csrf-token"] },
  ),
  requested(
    {
      id: "someone-elses-note",
      title: "Asking for a note you do not own answered 404",
      hint: "Log in as another customer and ask for a note the first one wrote, by its id.",
    },
    {
      method: ["GET", "PATCH", "DELETE"],
      path: /^\/api\/v1\/sessions\/notes\/\d+$/,
      status: 404,
      spans: ["session"],
    },
  ),
  requested(
    {
      id: "role-refused",
      title: "A customer was refused the admins' endpoint with 403",
      hint: "Logged in as a customer, call GET /api/v1/sessions/admin/users.",
    },
    { method: "GET", path: "/api/v1/sessions/admin/users", status: 403 },
  ),
  {
    id: "logged-out",
    title: "You logged out, and the server ended the session",
    hint: "Send POST /api/v1/sessions/logout with your session's X-CSRF-Token.",
    test: async ({ db, sandboxId }) => {
      const rows = await db
        .select({ id: userSession.id })
        .from(userSession)
        .where(ownedBy(userSession, sandboxId, eq(userSession.revokedReason, "logout")))
        .limit(1);
      return rows.length > 0;
    },
  },
];
