import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { clientLimitKey, isHttps } from "@/lib/http/client";
import { logger } from "@/lib/logger";
import { accountsAdapter } from "./adapter";
import { browserSandbox } from "./browser-sandbox";
import { signInSandbox } from "./sandbox";
import { authSecret } from "./secret";
import { checkCredentials, findUser } from "./users";

/** Too many attempts: Auth.js sends the learner back to /signin?error=CredentialsSignin&code=rate_limited. */
export class SignInRateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

/** Only our own pages: a full URL on this site becomes its path; anything else, the account page. */
export function sameSitePath(url: string, baseUrl: string): string | undefined {
  if (/^\/(?![/\\])/.test(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.origin === baseUrl) return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    // Not a URL.
  }
  return undefined;
}

export function githubConfigured(): boolean {
  const { AUTH_GITHUB_ID, AUTH_GITHUB_SECRET } = env();
  return Boolean(AUTH_GITHUB_ID && AUTH_GITHUB_SECRET);
}

/** Whether the request being configured for came over HTTPS, by TRUST_PROXY's rules. */
async function overHttps(req: Request | undefined): Promise<boolean> {
  if (req) return isHttps(req);
  const { headers } = await import("next/headers");
  return isHttps(new Request("http://localhost/", { headers: await headers() }));
}

async function config(req: Request | undefined): Promise<NextAuthConfig> {
  return {
    secret: authSecret(),
    // The URL Auth.js sees is built from Host and TRUST_PROXY (app/api/auth), and every redirect
    // it makes is a path on this site (callbacks.redirect); cookie names follow the same rule.
    trustHost: true,
    useSecureCookies: await overHttps(req),
    adapter: accountsAdapter(await getDb()),
    // Password sign-in (the Credentials provider) works only with JWT sessions.
    session: { strategy: "jwt" },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const verdict = await checkCredentials({
            email: String(credentials.email ?? ""),
            password: String(credentials.password ?? ""),
            address: clientLimitKey(request),
          });
          if (verdict.kind === "rate-limited") throw new SignInRateLimited();
          if (verdict.kind !== "ok") return null;
          const { id, email, name } = verdict.user;
          return { id, email, name };
        },
      }),
      ...(githubConfigured() ? [GitHub] : []),
    ],
    callbacks: {
      redirect: ({ url, baseUrl }) => sameSitePath(url, baseUrl) ?? "/account",
      async jwt({ token, user }) {
        if (user?.id) return { ...token, sub: user.id };
        // A deleted account's session ends at its next use, on every device.
        return token.sub && (await findUser({ id: token.sub })) ? token : null;
      },
    },
    events: {
      async signIn({ user }) {
        if (!user.id) return;
        const browser = browserSandbox();
        const { key } = await signInSandbox({ userId: user.id, browserKey: browser?.presented });
        if (!browser) return;
        // The account's sandbox; or none yet, and then not a sandbox that is someone else's.
        if (key) browser.next = key;
        else if (browser.presented) browser.next = null;
      },
      signOut() {
        const browser = browserSandbox();
        if (browser) browser.next = null;
      },
    },
    logger: {
      error: (error) => {
        // A wrong password is not a server error.
        if (error instanceof CredentialsSignin)
          logger.info({ code: error.code }, "sign-in refused");
        else logger.error({ err: error }, "auth error");
      },
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: (message, metadata) => logger.debug({ metadata }, message),
    },
  };
}

export const { handlers, signIn, signOut } = NextAuth(config);
