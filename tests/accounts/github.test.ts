import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { user } from "@/db/schema/accounts";
import { sandbox } from "@/db/schema/sandboxes";
import { accountsAdapter } from "@/lib/accounts/adapter";
import { signInSandbox } from "@/lib/accounts/sandbox";
import { hashSandboxKey } from "@/lib/sandbox/keys";
import { expectProblem } from "../harness";
import { Browser, uniqueEmail } from "./browser";

// The environment is read once per module graph (tests/setup.ts has read it already): set the
// GitHub app, then load the auth route afresh.
let auth: typeof import("@/app/api/auth/[...nextauth]/route");
beforeAll(async () => {
  process.env.AUTH_GITHUB_ID = "test-github-app";
  process.env.AUTH_GITHUB_SECRET = "test-not-a-secret";
  vi.resetModules();
  auth = await import("@/app/api/auth/[...nextauth]/route");
});

describe("GitHub sign-in, when AUTH_GITHUB_ID and AUTH_GITHUB_SECRET are set", () => {
  it("starts at GitHub with this site's callback, on the host the trusted proxy names", async () => {
    const browser = new Browser();
    const body = new URLSearchParams({
      csrfToken: await browser.csrfToken(),
      callbackUrl: "/learn/http-and-rest",
    }).toString();
    const res = await browser.call(auth.POST, "/api/auth/signin/github", {
      method: "POST",
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        // Tests play one trusted proxy (TRUST_PROXY=1): the client sent the first entry, the
        // proxy appended the second; the app's own Host is the proxy's business.
        host: "app.internal:3000",
        "x-forwarded-host": "evil.example, portal.example",
      },
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(
      "https://github.com/login/oauth/authorize",
    );
    expect(location.searchParams.get("client_id")).toBe("test-github-app");
    expect(location.searchParams.get("redirect_uri")).toBe(
      "http://portal.example/api/auth/callback/github",
    );
  });

  it("limits GitHub sign-ins per client address, with a 429 problem", async () => {
    const browser = new Browser();
    const start = async () =>
      browser.call(auth.POST, "/api/auth/signin/github", {
        method: "POST",
        body: new URLSearchParams({ csrfToken: await browser.csrfToken() }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    for (let i = 0; i < 10; i++) expect((await start()).status).toBe(302);
    const refused = await start();
    const problem = await expectProblem(refused, "rate-limited");
    expect(problem.detail).toMatch(/^Too many GitHub sign-ins from your address\./);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // The callback counts too; another address is not affected.
    const callback = await browser.call(auth.GET, "/api/auth/callback/github?code=x&state=y");
    await expectProblem(callback, "rate-limited");
    expect(
      (
        await new Browser().call(auth.POST, "/api/auth/signin/github", {
          method: "POST",
          body: "",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        })
      ).status,
    ).not.toBe(429);
  });

  it("refuses to start from another site's page", async () => {
    const browser = new Browser();
    const res = await browser.call(auth.POST, "/api/auth/signin/github", {
      method: "POST",
      body: new URLSearchParams({ csrfToken: await browser.csrfToken() }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(res.status).toBe(403);
  });

  it("stores GitHub users' emails in lower case, so one address stays one account", async () => {
    const adapter = accountsAdapter(await getDb());
    const email = uniqueEmail("Octo").replace("octo", "Octo");
    const created = await adapter.createUser?.({
      id: "ignored",
      email: email.toUpperCase(),
      emailVerified: null,
      name: "Octo Cat",
    });
    expect(created?.email).toBe(email.toLowerCase());
    expect((await adapter.getUserByEmail?.(email))?.id).toBe(created?.id);
    // Its first sign-in brings the browser's anonymous sandbox along, as with a password.
    const browser = new Browser();
    const { body: anonymous } = await browser.createSandbox();
    const userId = created?.id ?? "";
    expect(await signInSandbox({ userId, browserKey: anonymous.key })).toEqual({
      key: anonymous.key,
      outcome: "claimed",
      lessonsAdded: [],
    });
    const db = await getDb();
    const [row] = await db
      .select({ userId: sandbox.userId })
      .from(sandbox)
      .where(eq(sandbox.keyHash, hashSandboxKey(anonymous.key)));
    expect(row?.userId).toBe(userId);
    expect(await db.select().from(user).where(eq(user.id, userId))).toHaveLength(1);
  });
});
