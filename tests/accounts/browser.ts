import * as auth from "@/app/api/auth/[...nextauth]/route";
import * as sandboxRoute from "@/app/api/sandbox/route";
import { registerAccount } from "@/lib/accounts/users";
import { SANDBOX_COOKIE } from "@/lib/sandbox/keys";
import { type CallOptions, call, randomAddress } from "../harness";

type Route = Parameters<typeof call<unknown>>[0];

/**
 * One browser as the server sees it: a cookie jar that keeps what responses set, and a client
 * address of its own (vitest plays one trusted proxy, so X-Forwarded-For names it).
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly address = randomAddress()) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Calls a route handler with this browser's cookies and address; keeps the cookies it sets. */
  async call(
    route: unknown,
    path: string,
    options: CallOptions = {},
    params: Record<string, unknown> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      "x-forwarded-for": this.address,
      ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}),
      ...options.headers,
    };
    const res = await call(route as Route, path, params, {
      ...options,
      headers,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Auth.js's CSRF token (and its cookie), as its sign-in form would fetch it. */
  async csrfToken(): Promise<string> {
    const res = await this.call(auth.GET, "/api/auth/csrf");
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return csrfToken;
  }

  /** Posts the credentials the way a form would; Auth.js answers with a redirect. */
  async signIn(email: string, password: string, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({
      csrfToken: await this.csrfToken(),
      email,
      password,
      callbackUrl: "/account",
    }).toString();
    return this.call(auth.POST, "/api/auth/callback/credentials", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });
  }

  async signOut() {
    const body = new URLSearchParams({ csrfToken: await this.csrfToken() }).toString();
    return this.call(auth.POST, "/api/auth/signout", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  /** Auth.js's view of the session: null when signed out. */
  async session(): Promise<{ user?: { email?: string } } | null> {
    const res = await this.call(auth.GET, "/api/auth/session");
    return (await res.json()) as { user?: { email?: string } } | null;
  }

  get sandboxKey(): string | undefined {
    return this.cookies.get(SANDBOX_COOKIE);
  }

  signedIn(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("authjs.session-token"));
  }

  /** POST /api/sandbox from this browser, as a lesson's console does on the first Send. */
  async createSandbox() {
    const res = await this.call(sandboxRoute.POST, "/api/sandbox", { method: "POST" });
    return { res, body: (await res.json()) as { id: string; key: string; created: boolean } };
  }
}

let counter = 0;
/** An email address no other test uses. */
export const uniqueEmail = (name = "learner") =>
  `${name}-${Date.now().toString(36)}-${counter++}@example.com`;

export const PASSWORD = "correct horse battery";

/** A new account (as the sign-up page creates it) and its email. */
export async function newAccount(name = "learner"): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(name);
  const made = await registerAccount(
    { name, email, password: PASSWORD },
    { address: randomAddress() },
  );
  if (!made.ok) throw new Error(`could not sign up: ${made.message}`);
  return { id: made.user.id, email };
}
