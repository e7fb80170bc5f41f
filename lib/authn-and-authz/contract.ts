import { z } from "zod";
import { SESSION_END_REASONS } from "@/db/schema/authn-and-authz";
import { ROLES } from "@/db/schema/sandbox-users";
import { PATCH_TYPES } from "@/lib/http/constants";
import { defineOperation } from "@/lib/http/contract";
import { requiredString, wholeNumber } from "@/lib/http/fields";
import { loginBody, registerBody } from "@/lib/jwt-auth/contract";
import { CSRF_HEADER } from "./cookie";

/**
 * The sessions lesson's contract: register, log in for a session cookie, use it, end it; and the
 * notes and admin endpoints that teach authorization. Handlers validate with it, tests check
 * responses against it, and /api/openapi.json is generated from it.
 */

export const MAX_NOTE_TITLE = 200;
export const MAX_NOTE_BODY = 4000;

const userView = z.strictObject({
  id: z.number().int().positive(),
  email: z.string(),
  role: z.enum(ROLES),
});

export const sessionView = z.strictObject({
  id: z
    .string()
    .describe("The SHA-256 (hex) of the session's token: the id the server keeps, no secret"),
  current: z.boolean().describe("Whether this request came with this session's cookie"),
  state: z
    .enum(["active", ...SESSION_END_REASONS, "idle", "expired"])
    .describe(
      "active; ended by a logout, a newer login (login) or a revocation (revoked); or expired, idle or absolute",
    ),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  idleExpiresAt: z.iso.datetime().describe("When it ends unless used again before"),
  expiresAt: z.iso.datetime().describe("When it ends however much it is used (absolute expiry)"),
  endedAt: z.iso.datetime().nullable(),
});

const csrfToken = z
  .string()
  .describe("Send it in X-CSRF-Token with every change (POST, PATCH, DELETE) made with the cookie");

export const loggedIn = z.strictObject({
  user: userView,
  session: sessionView,
  csrfToken,
});

const noteTitle = requiredString()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_NOTE_TITLE, `must be at most ${MAX_NOTE_TITLE} characters`);
const noteBody = z
  .string({ error: "must be a string" })
  .max(MAX_NOTE_BODY, `must be at most ${MAX_NOTE_BODY} characters`);

export const createNoteBody = z.strictObject({ title: noteTitle, body: noteBody.optional() });
export const updateNoteBody = z
  .strictObject({ title: noteTitle.optional(), body: noteBody.optional() })
  .refine((b) => b.title !== undefined || b.body !== undefined, {
    message: "must change title or body",
  });

export const noteParams = z.strictObject({
  id: wholeNumber(1, 2_147_483_647, { min: "must be a positive id", max: "is too large" }),
});
export const sessionParams = z.strictObject({
  id: z.string().max(100, "is too long to be a session id"),
});

const noteView = z.strictObject({
  id: z.number().int().positive(),
  ownerId: z.number().int().positive().describe("The id of the user who wrote it"),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const setCookie = {
  "set-cookie": {
    description:
      "lesson_session=<token>; Path=/api/v1/sessions; HttpOnly; SameSite=Lax; Max-Age=<seconds> (and Secure over HTTPS)",
    required: true,
  },
};
const csrfHeader = {
  [CSRF_HEADER]: {
    description: "The session's CSRF token (csrfToken from login or /me); required with the cookie",
  },
};
const bodyProblems = [
  "malformed-request",
  "unsupported-media-type",
  "content-too-large",
  "validation",
] as const;

export const register = defineOperation({
  method: "POST",
  path: "/api/v1/sessions/register",
  summary: "Register a user in your sandbox",
  description:
    "The same users as the JWT lesson's /api/v1/auth/register: one set of users per sandbox, which either lesson logs in.",
  body: registerBody,
  responses: { 201: { description: "Registered, as a customer", body: userView } },
  problems: [...bodyProblems, "conflict"],
});

export const login = defineOperation({
  method: "POST",
  path: "/api/v1/sessions/login",
  summary: "Log in: a session cookie, and the session's CSRF token",
  description:
    "Starts a new session, always with a new id: a session the browser's cookie named before is ended (session fixation). Refused from another origin (login CSRF).",
  body: loginBody,
  responses: {
    200: { description: "Logged in; the cookie is set", body: loggedIn, headers: setCookie },
  },
  problems: [...bodyProblems, "invalid-credentials", "csrf-rejected"],
});

export const me = defineOperation({
  method: "GET",
  path: "/api/v1/sessions/me",
  summary: "Who your session cookie says you are",
  session: true,
  responses: { 200: { description: "You, your session and its CSRF token", body: loggedIn } },
});

export const logout = defineOperation({
  method: "POST",
  path: "/api/v1/sessions/logout",
  summary: "End your session on the server, and clear the cookie",
  session: true,
  requestHeaders: csrfHeader,
  responses: {
    204: {
      description: "Ended: the cookie's token is refused from now on, even if a copy of it is sent",
      headers: setCookie,
    },
  },
});

export const listSessions = defineOperation({
  method: "GET",
  path: "/api/v1/sessions",
  summary: "Your sessions, newest first (live and ended)",
  session: true,
  responses: {
    200: { description: "Your sessions", body: z.strictObject({ data: z.array(sessionView) }) },
  },
});

export const getSession = defineOperation({
  method: "GET",
  path: "/api/v1/sessions/{id}",
  summary: "One of your sessions",
  session: true,
  params: sessionParams,
  responses: { 200: { description: "The session", body: sessionView } },
  problems: ["not-found"],
});

export const revokeSession = defineOperation({
  method: "DELETE",
  path: "/api/v1/sessions/{id}",
  summary: "End one of your sessions (another device's, or this one)",
  session: true,
  params: sessionParams,
  requestHeaders: csrfHeader,
  responses: { 204: { description: "Ended (or it had ended already)" } },
  problems: ["not-found"],
});

export const listNotes = defineOperation({
  method: "GET",
  path: "/api/v1/sessions/notes",
  summary: "Your notes",
  session: true,
  responses: {
    200: { description: "The notes you wrote", body: z.strictObject({ data: z.array(noteView) }) },
  },
});

export const createNote = defineOperation({
  method: "POST",
  path: "/api/v1/sessions/notes",
  summary: "Write a note, owned by you",
  session: true,
  requestHeaders: csrfHeader,
  body: createNoteBody,
  responses: {
    201: {
      description: "Written",
      body: noteView,
      headers: { location: { description: "The note's URL", required: true } },
    },
  },
  problems: [...bodyProblems, "conflict"],
});

export const getNote = defineOperation({
  method: "GET",
  path: "/api/v1/sessions/notes/{id}",
  summary: "One note: yours, or anyone's for an admin",
  session: true,
  params: noteParams,
  responses: { 200: { description: "The note", body: noteView } },
  problems: ["validation", "not-found"],
});

export const updateNote = defineOperation({
  method: "PATCH",
  path: "/api/v1/sessions/notes/{id}",
  summary: "Change your note's title or body",
  session: true,
  params: noteParams,
  requestHeaders: csrfHeader,
  body: updateNoteBody,
  bodyTypes: PATCH_TYPES,
  responses: { 200: { description: "Changed", body: noteView } },
  problems: [...bodyProblems, "not-found", "not-owner"],
});

export const deleteNote = defineOperation({
  method: "DELETE",
  path: "/api/v1/sessions/notes/{id}",
  summary: "Delete your note",
  session: true,
  params: noteParams,
  requestHeaders: csrfHeader,
  responses: { 204: { description: "Deleted" } },
  problems: ["validation", "not-found", "not-owner"],
});

export const listUsers = defineOperation({
  method: "GET",
  path: "/api/v1/sessions/admin/users",
  summary: "Every user of your sandbox (admins only)",
  session: true,
  responses: {
    200: {
      description: "Your sandbox's users",
      body: z.strictObject({ data: z.array(userView.extend({ createdAt: z.iso.datetime() })) }),
    },
  },
  problems: ["insufficient-role"],
});

/** The sessions lesson's API, in the order the lesson teaches it. */
export const authnAndAuthzApi = [
  register,
  login,
  me,
  logout,
  listSessions,
  getSession,
  revokeSession,
  listNotes,
  createNote,
  getNote,
  updateNote,
  deleteNote,
  listUsers,
] as const;
