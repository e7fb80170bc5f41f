import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { user } from "@/db/schema/accounts";
import { registerAccount } from "@/lib/accounts/users";
import { randomAddress } from "../harness";
import { Browser, PASSWORD, uniqueEmail } from "./browser";

const signUp = (input: { name?: string; email?: string; password?: string }, address?: string) =>
  registerAccount(input, { address: address ?? randomAddress() });

describe("signing up with an email and password", () => {
  it("creates the account with the password hashed, never stored as typed", async () => {
    const email = uniqueEmail("new");
    const made = await signUp({ name: "  Ada Lovelace ", email, password: PASSWORD });
    expect(made).toMatchObject({
      ok: true,
      user: { name: "Ada Lovelace", email, hasPassword: true },
    });
    const db = await getDb();
    const [row] = await db.select().from(user).where(eq(user.email, email));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);
    // And it signs in.
    const res = await new Browser().signIn(email, PASSWORD);
    expect(res.headers.get("location")).toBe("/account");
  });

  it("names each field that is wrong, and creates nothing", async () => {
    const made = await signUp({ name: "x".repeat(81), email: "not-an-email", password: "short" });
    expect(made).toEqual({
      ok: false,
      message: "Check the highlighted fields.",
      errors: {
        name: "Keep your name under 80 characters.",
        email: "Enter an email address like you@example.com.",
        password: "Use at least 8 characters.",
      },
    });
    expect(await signUp({ email: "", password: "" })).toMatchObject({
      ok: false,
      errors: { email: "Enter your email address.", password: "Use at least 8 characters." },
    });
    const db = await getDb();
    expect(await db.select().from(user).where(eq(user.email, "not-an-email"))).toEqual([]);
  });

  it("needs no name, and keeps the address in lower case", async () => {
    const email = uniqueEmail("Shouting").toUpperCase();
    const made = await signUp({ email, password: PASSWORD });
    expect(made).toMatchObject({ ok: true, user: { name: null, email: email.toLowerCase() } });
  });

  it("refuses an email that already has an account, in any case", async () => {
    const email = uniqueEmail("taken");
    expect((await signUp({ email, password: PASSWORD })).ok).toBe(true);
    const again = await signUp({ email: email.toUpperCase(), password: "another password" });
    const taken = "An account with this email already exists. Sign in instead.";
    expect(again).toEqual({ ok: false, message: taken, errors: { email: taken } });
    // The first password still is the one that works.
    const res = await new Browser().signIn(email, "another password");
    expect(res.headers.get("location")).toMatch(/code=credentials$/);
  });

  it("creates a handful of accounts per address per 15 minutes, no more", async () => {
    const address = randomAddress();
    for (let i = 0; i < 10; i++) {
      expect((await signUp({ email: uniqueEmail("bulk"), password: PASSWORD }, address)).ok).toBe(
        true,
      );
    }
    const refused = await signUp({ email: uniqueEmail("bulk"), password: PASSWORD }, address);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? "" : refused.message).toMatch(
      /^Too many new accounts from your address\. Try again in (a minute|\d+ minutes)\.$/,
    );
    expect((await signUp({ email: uniqueEmail("other"), password: PASSWORD })).ok).toBe(true);
  });
});
