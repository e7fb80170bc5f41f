import * as attackTokensRoute from "@/app/api/v1/(jwt-auth)/auth/attack-tokens/route";
import * as jwksRoute from "@/app/api/v1/(jwt-auth)/auth/jwks/route";
import * as loginRoute from "@/app/api/v1/(jwt-auth)/auth/login/route";
import * as logoutRoute from "@/app/api/v1/(jwt-auth)/auth/logout/route";
import * as meRoute from "@/app/api/v1/(jwt-auth)/auth/me/route";
import * as refreshRoute from "@/app/api/v1/(jwt-auth)/auth/refresh/route";
import * as registerRoute from "@/app/api/v1/(jwt-auth)/auth/register/route";
import * as usersRoute from "@/app/api/v1/(jwt-auth)/auth/users/route";
import type { Operation } from "@/lib/http/contract";
import * as api from "@/lib/jwt-auth/contract";
import type { TokenPair } from "@/lib/jwt-auth/service";
import { SEED_ADMIN } from "@/lib/sandbox-users/seed";
import { expectConforms } from "../contract";
import { type CallOptions, call, randomAddress } from "../harness";

/**
 * Every call through this client is checked against the JWT lesson's contract (status, body
 * schema, required headers). Each test file logs in from its own client address, so the
 * per-client login limit of one file never bites another (they share Redis in CI).
 */
const address = randomAddress();

type RouteModule = { GET: Route; POST: Route; OPTIONS: Route };
type Route = Parameters<typeof call>[0];

const routes = {
  register: [registerRoute, api.register],
  login: [loginRoute, api.login],
  me: [meRoute, api.me],
  refresh: [refreshRoute, api.refresh],
  logout: [logoutRoute, api.logout],
  users: [usersRoute, api.listUsers],
  jwks: [jwksRoute, api.jwks],
  "attack-tokens": [attackTokensRoute, api.attackTokens],
} as const satisfies Record<string, readonly [RouteModule, Operation]>;
export type AuthPath = keyof typeof routes;

/** `method` /api/v1/auth/<path>, checked against its operation's contract. */
export async function auth(
  path: AuthPath,
  options: CallOptions & { token?: string; from?: string } = {},
): Promise<Response> {
  const [mod, operation] = routes[path];
  const method = (options.method ?? operation.method) as "GET" | "POST" | "OPTIONS";
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", options.from ?? address);
  const res = await call(
    mod[method],
    `/api/v1/auth/${path}`,
    {},
    {
      ...options,
      method,
      headers: Object.fromEntries(headers),
    },
  );
  if (method === operation.method) await expectConforms(operation, res);
  return res;
}

export const register = (key: string, email: string, password: string) =>
  auth("register", { key, body: { email, password } });

export const login = (key: string, email: string, password: string, from?: string) =>
  auth("login", { key, body: { email, password }, from });

/** Logs in and returns the token pair; throws unless it was 200. */
export async function tokensFor(
  key: string,
  email: string = SEED_ADMIN.email,
  password: string = SEED_ADMIN.password,
): Promise<TokenPair> {
  const res = await login(key, email, password);
  if (res.status !== 200) throw new Error(`login as ${email}: ${res.status} ${await res.text()}`);
  return res.json();
}

export const me = (key: string, token?: string) => auth("me", { key, token });
export const refresh = (key: string, refreshToken: string) =>
  auth("refresh", { key, body: { refreshToken } });

export const ALICE = { email: "alice@example.com", password: "correct horse battery staple" };
export const BOB = { email: "bob@example.com", password: "bob-likes-long-passphrases" };
