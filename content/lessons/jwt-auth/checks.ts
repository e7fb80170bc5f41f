import { eq } from "drizzle-orm";
import { tokenFamily } from "@/db/schema/jwt-auth";
import { sandboxUser } from "@/db/schema/sandbox-users";
import type { Check } from "@/lib/lessons/checks";
import { requested } from "@/lib/lessons/checks";
import { ownedBy } from "@/lib/sandbox/scope";

/** What "Check my work" looks for in your sandbox (its users, sessions and request log). */
export const checks: Check[] = [
  {
    id: "registered",
    title: "Your sandbox has a user you registered yourself",
    hint: "Send the register endpoint an email and a password of at least 8 characters.",
    test: async ({ db, sandboxId }) => {
      const rows = await db
        .select({ id: sandboxUser.id })
        .from(sandboxUser)
        .where(ownedBy(sandboxUser, sandboxId, eq(sandboxUser.role, "customer")))
        .limit(1);
      return rows.length > 0;
    },
  },
  requested(
    {
      id: "logged-in",
      title: "You logged in and got an access token and a refresh token",
      hint: "Log in with the email and password of a user you registered (or the admin's).",
    },
    { method: "POST", path: "/api/v1/auth/login", status: 200 },
  ),
  requested(
    {
      id: "bearer",
      title: "You called /auth/me with a valid access token",
      hint: "Send the accessToken of a login in the Authorization header, after the word Bearer.",
    },
    { method: "GET", path: "/api/v1/auth/me", status: 200, sent: ["authorization"] },
  ),
  requested(
    {
      id: "forgery-refused",
      title: "A token that failed verification was refused with 401",
      hint: "Change one character of an access token's payload (or send one of the lab's forged tokens) and call /auth/me with it.",
    },
    {
      method: "GET",
      path: "/api/v1/auth/me",
      status: 401,
      sent: ["authorization"],
      spans: ["token"],
      withoutSpans: ["account"],
    },
  ),
  requested(
    {
      id: "rotated",
      title: "You exchanged a refresh token for a new pair",
      hint: "Send a login's refreshToken to the refresh endpoint, in a JSON body.",
    },
    { method: "POST", path: "/api/v1/auth/refresh", status: 200 },
  ),
  {
    id: "reuse-detected",
    title: "A refresh token used twice revoked its whole session",
    hint: "Refresh with a token, then send that same (now used) token to the refresh endpoint again.",
    test: async ({ db, sandboxId }) => {
      const rows = await db
        .select({ id: tokenFamily.id })
        .from(tokenFamily)
        .where(ownedBy(tokenFamily, sandboxId, eq(tokenFamily.revokedReason, "reuse")))
        .limit(1);
      return rows.length > 0;
    },
  },
  requested(
    {
      id: "logged-out",
      title: "You logged out",
      hint: "Send the logout endpoint an access token: its session ends.",
    },
    { method: "POST", path: "/api/v1/auth/logout", status: 204 },
  ),
];
