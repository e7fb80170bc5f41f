import { describe, expect, it } from "vitest";
import * as auth from "@/app/api/auth/[...nextauth]/route";
import { expectProblem } from "../harness";
import { Browser, newAccount, PASSWORD, uniqueEmail } from "./browser";

// A path on this site: the redirect callback never sends anyone elsewhere.
const SIGNED_IN_AT = "/account";
const REFUSED = "http://bmj.test/signin?error=CredentialsSignin&code=credentials";

describe("signing in with an email and password (POST /api/auth/callback/credentials)", () => {
  it("signs in with the right password: a session cookie, then the account page", async () => {
    const { email } = await newAccount("ada");
    const browser = new Browser();
    const res = await browser.signIn(email, PASSWORD);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(SIGNED_IN_AT);
    expect(browser.signedIn()).toBe(true);
    expect((await browser.session())?.user?.email).toBe(email);
  });

  it("takes the email in any case", async () => {
    const { email } = await newAccount("grace");
    const browser = new Browser();
    const res = await browser.signIn(email.toUpperCase(), PASSWORD);
    expect(res.headers.get("location")).toBe(SIGNED_IN_AT);
  });

  it("answers a wrong password exactly as it answers an unknown email", async () => {
    const { email } = await newAccount("linus");
    const wrong = new Browser();
    const unknown = new Browser();
    const a = await wrong.signIn(email, "not the password");
    const b = await unknown.signIn(uniqueEmail("nobody"), "not the password");
    for (const [res, browser] of [
      [a, wrong],
      [b, unknown],
    ] as const) {
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(REFUSED);
      expect(await res.text()).toBe("");
      expect(browser.signedIn()).toBe(false);
      expect(await browser.session()).toBeNull();
    }
    const names = (res: Response) =>
      res.headers
        .getSetCookie()
        .map((c) => c.split("=")[0])
        .sort();
    expect(names(a)).toEqual(names(b));
  });

  it("refuses a sign-in posted from another site's page, before Auth.js sees it", async () => {
    const { email } = await newAccount("eve-target");
    const browser = new Browser();
    const res = await browser.signIn(email, PASSWORD, { "sec-fetch-site": "cross-site" });
    await expectProblem(res, "forbidden");
    expect(browser.signedIn()).toBe(false);
  });

  it("answers the paths the site does not use with a problem, not Auth.js's pages", async () => {
    const browser = new Browser();
    await expectProblem(await browser.call(auth.GET, "/api/auth/nope"), "not-found");
    await expectProblem(await browser.call(auth.GET, "/api/auth/signout"), "not-found");
    await expectProblem(
      await browser.call(auth.POST, "/api/auth/callback/github", { method: "POST" }),
      "not-found",
    );
    const put = await browser.call(auth.PUT, "/api/auth/session", { method: "PUT" });
    await expectProblem(put, "method-not-allowed");
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });
});

describe("the limit on sign-in attempts", () => {
  const LIMIT = 10; // AUTH_ATTEMPT_LIMIT's default

  it("stops one address after too many attempts, even with the right password", async () => {
    const { email } = await newAccount("guessed");
    const attacker = new Browser();
    for (let i = 0; i < LIMIT; i++) {
      const res = await attacker.signIn(email, `guess ${i}`);
      expect(res.headers.get("location")).toBe(REFUSED);
    }
    const res = await attacker.signIn(email, PASSWORD);
    expect(res.headers.get("location")).toBe(
      "http://bmj.test/signin?error=CredentialsSignin&code=rate_limited",
    );
    expect(attacker.signedIn()).toBe(false);

    // Another address is not held back by this one's attempts on another account.
    const { email: other } = await newAccount("bystander");
    const elsewhere = new Browser();
    expect((await elsewhere.signIn(other, PASSWORD)).headers.get("location")).toBe(SIGNED_IN_AT);
  });

  it("stops guessing one account's password from many addresses", async () => {
    const { email } = await newAccount("targeted");
    for (let i = 0; i < LIMIT; i++) {
      const res = await new Browser().signIn(email, `guess ${i}`);
      expect(res.headers.get("location")).toBe(REFUSED);
    }
    const owner = new Browser();
    const res = await owner.signIn(email, PASSWORD);
    expect(res.headers.get("location")).toMatch(/code=rate_limited$/);
  });
});

describe("signing out (POST /api/auth/signout)", () => {
  it("ends the session and takes the sandbox cookie off this browser", async () => {
    const { email } = await newAccount("leaving");
    const browser = new Browser();
    await browser.createSandbox();
    await browser.signIn(email, PASSWORD);
    expect(browser.sandboxKey).toMatch(/^sbx_/);
    const res = await browser.signOut();
    expect(res.status).toBe(302);
    expect(browser.signedIn()).toBe(false);
    expect(browser.sandboxKey).toBeUndefined();
    expect(await browser.session()).toBeNull();
  });
});
