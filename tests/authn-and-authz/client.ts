import * as sessionByIdRoute from "@/app/api/v1/(authn-and-authz)/sessions/[id]/route";
import * as adminUsersRoute from "@/app/api/v1/(authn-and-authz)/sessions/admin/users/route";
import * as loginRoute from "@/app/api/v1/(authn-and-authz)/sessions/login/route";
import * as logoutRoute from "@/app/api/v1/(authn-and-authz)/sessions/logout/route";
import * as meRoute from "@/app/api/v1/(authn-and-authz)/sessions/me/route";
import * as noteRoute from "@/app/api/v1/(authn-and-authz)/sessions/notes/[id]/route";
import * as notesRoute from "@/app/api/v1/(authn-and-authz)/sessions/notes/route";
import * as registerRoute from "@/app/api/v1/(authn-and-authz)/sessions/register/route";
import * as sessionsRoute from "@/app/api/v1/(authn-and-authz)/sessions/route";
import * as api from "@/lib/authn-and-authz/contract";
import { SESSION_COOKIE } from "@/lib/authn-and-authz/cookie";
import type { Operation } from "@/lib/http/contract";
import { expectConforms } from "../contract";
import { type CallOptions, call, randomAddress } from "../harness";

/**
 * A browser, as far as this lesson's API cares: one sandbox key and one cookie jar holding the
 * session cookie that logins set and logouts clear. Every call is checked against the lesson's
 * contract. Each test file logs in from its own client address, so per-client login limits of
 * one file never bite another.
 */
const address = randomAddress();

type Method = "GET" | "HEAD" | "POST" | "PATCH" | "DELETE" | "OPTIONS";
type RouteModule = Partial<Record<Method, Parameters<typeof call>[0]>>;

/** Each path pattern of the lesson, its route module and its operations by method. */
const ROUTES: [RegExp, RouteModule, Operation[], (m: RegExpExecArray) => object][] = [
  [/^\/api\/v1\/sessions$/, sessionsRoute, [api.listSessions], () => ({})],
  [/^\/api\/v1\/sessions\/register$/, registerRoute, [api.register], () => ({})],
  [/^\/api\/v1\/sessions\/login$/, loginRoute, [api.login], () => ({})],
  [/^\/api\/v1\/sessions\/me$/, meRoute, [api.me], () => ({})],
  [/^\/api\/v1\/sessions\/logout$/, logoutRoute, [api.logout], () => ({})],
  [/^\/api\/v1\/sessions\/admin\/users$/, adminUsersRoute, [api.listUsers], () => ({})],
  [/^\/api\/v1\/sessions\/notes$/, notesRoute, [api.listNotes, api.createNote], () => ({})],
  [
    /^\/api\/v1\/sessions\/notes\/([^/]+)$/,
    noteRoute,
    [api.getNote, api.updateNote, api.deleteNote],
    (m) => ({ id: m[1] }),
  ],
  [
    /^\/api\/v1\/sessions\/([^/]+)$/,
    sessionByIdRoute,
    [api.getSession, api.revokeSession],
    (m) => ({ id: m[1] }),
  ],
];

/** The cookie value a Set-Cookie header sets (or clears: ""), when it is the session's. */
export function sessionCookieOf(res: Response): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(line);
    if (match) return /max-age=0(;|$)/i.test(line) ? "" : match[1];
  }
  return undefined;
}

export type Browser = {
  key: string;
  /** The session cookie it holds, if any. */
  cookie?: string;
  /** Sends `method path`, with the cookie it holds; keeps what the answer sets. */
  send(
    method: Method,
    path: string,
    options?: Omit<CallOptions, "method" | "key"> & { csrf?: string },
  ): Promise<Response>;
};

export function browser(key: string): Browser {
  const self: Browser = {
    key,
    async send(method, path, options = {}) {
      const found = ROUTES.map(([re, mod, ops, params]) => {
        const m = re.exec(path);
        return m ? { mod, ops, params: params(m) } : undefined;
      }).find((r) => r !== undefined);
      const route = found?.mod[method];
      if (!found || !route) throw new Error(`no route for ${method} ${path}`);
      const headers = new Headers(options.headers);
      if (self.cookie) headers.append("cookie", `${SESSION_COOKIE}=${self.cookie}`);
      if (options.csrf !== undefined) headers.set("x-csrf-token", options.csrf);
      if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", address);
      const res = await call(route, path, found.params, {
        ...options,
        method,
        key,
        headers: Object.fromEntries(headers),
      });
      const set = sessionCookieOf(res);
      if (set !== undefined) self.cookie = set || undefined;
      const operation = found.ops.find((op) => op.method === method);
      if (operation) await expectConforms(operation, res);
      return res;
    },
  };
  return self;
}

export const ALICE = { email: "alice@example.com", password: "correct horse battery staple" };
export const BOB = { email: "bob@example.com", password: "bob-likes-long-passphrases" };

/** Registers a user through the API; throws unless 201. */
export async function registerUser(b: Browser, user: { email: string; password: string }) {
  const res = await b.send("POST", "/api/v1/sessions/register", { body: user });
  if (res.status !== 201) throw new Error(`register ${user.email}: ${res.status}`);
  return (await res.json()) as { id: number };
}

/** Logs the browser in; returns the CSRF token. Throws unless 200. */
export async function logIn(b: Browser, user: { email: string; password: string }) {
  const res = await b.send("POST", "/api/v1/sessions/login", { body: user });
  if (res.status !== 200) throw new Error(`login ${user.email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}
