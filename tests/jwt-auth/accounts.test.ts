import { describe, expect, it } from "vitest";
import { problemKinds } from "@/lib/http/problem";
import { ARGON2_OPTIONS, hashPassword, needsRehash, verifyPassword } from "@/lib/password";
import { createSandbox } from "@/lib/sandbox/lifecycle";
import { SEED_ADMIN } from "@/lib/sandbox-users/seed";
import { expectPipelineHeaders, expectProblem, newSandboxKey, randomAddress } from "../harness";
import { ALICE, auth, BOB, login, me, register, tokensFor } from "./client";

describe("POST /api/v1/auth/register", () => {
  it("creates a customer numbered after the seeded admin, and shows no password", async () => {
    const key = await newSandboxKey();
    const res = await register(key, ALICE.email, ALICE.password);
    expect(res.status).toBe(201);
    expectPipelineHeaders(res);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ id: 2, email: ALICE.email, role: "customer" });
    expect(text).not.toMatch(/password|argon2/i);
    expect(await (await register(key, BOB.email, BOB.password)).json()).toMatchObject({ id: 3 });
  });

  it("is 409 for an email already registered, whatever its case and spaces", async () => {
    const key = await newSandboxKey();
    await register(key, ALICE.email, ALICE.password);
    const body = await expectProblem(
      await register(key, "  ALICE@example.com ", "another password"),
      "conflict",
    );
    expect(body.detail).toContain("alice@example.com");
    // The seeded admin's email is taken too.
    await expectProblem(await register(key, SEED_ADMIN.email, "whatever123"), "conflict");
  });

  it("is 422 naming every invalid field", async () => {
    const key = await newSandboxKey();
    await expectProblem(await auth("register", { key, body: {} }), "validation", [
      "email",
      "password",
    ]);
    await expectProblem(await register(key, "not-an-email", "short"), "validation", [
      "email",
      "password",
    ]);
    await expectProblem(await register(key, ALICE.email, "x".repeat(129)), "validation", [
      "password",
    ]);
    await expectProblem(
      await auth("register", { key, body: { ...ALICE, role: "admin" } }),
      "validation",
      ["role"],
    );
  });

  it("is 401 without a sandbox key and 415 for a body that is not JSON", async () => {
    await expectProblem(await auth("register", { body: ALICE }), "unauthorized");
    const key = await newSandboxKey();
    await expectProblem(
      await auth("register", { key, body: "email=a", headers: { "content-type": "text/plain" } }),
      "unsupported-media-type",
    );
  });
});

describe("passwords", () => {
  it("are stored as argon2id with the configured parameters, salted per hash", async () => {
    const one = await hashPassword("correct horse");
    const two = await hashPassword("correct horse");
    const { memoryCost: m, timeCost: t, parallelism: p } = ARGON2_OPTIONS;
    expect(one).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${m},t=${t},p=${p}\\$`));
    expect(one).not.toBe(two);
    expect(await verifyPassword(one, "correct horse")).toBe(true);
    expect(await verifyPassword(one, "correct horsf")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
    expect(needsRehash(one)).toBe(false);
    expect(needsRehash(one.replace("t=2", "t=1"))).toBe(true);
  });
});

describe("POST /api/v1/auth/login", () => {
  it("answers a token pair, not cached, for the right password", async () => {
    const key = await newSandboxKey();
    await register(key, ALICE.email, ALICE.password);
    const res = await login(key, "Alice@Example.com", ALICE.password);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("server-timing")).toMatch(/limit;.*password;.*db;.*sign;/);
    const pair = await res.json();
    expect(pair).toMatchObject({ tokenType: "Bearer", expiresIn: 900 });
    expect(pair.accessToken.split(".")).toHaveLength(3);
    expect(pair.refreshToken).toMatch(/^rt_[\w-]{43}$/);
  });

  it("logs in the seeded admin with the published password", async () => {
    const key = await newSandboxKey();
    const pair = await tokensFor(key);
    expect(await (await me(key, pair.accessToken)).json()).toEqual({
      id: 1,
      email: SEED_ADMIN.email,
      role: "admin",
    });
  });

  it("answers an unknown email exactly as a wrong password, after the same steps", async () => {
    const key = await newSandboxKey();
    await register(key, ALICE.email, ALICE.password);
    const wrong = await login(key, ALICE.email, "not her password");
    const unknown = await login(key, "nobody@example.com", ALICE.password);
    const bodies = [];
    for (const res of [wrong, unknown]) {
      const body = await expectProblem(res, "invalid-credentials");
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="sandbox"');
      // Both verified a password (the span is there), neither started a session.
      const spans = (res.headers.get("server-timing") ?? "")
        .split(", ")
        .map((s) => s.split(";")[0]);
      expect(spans).toEqual([
        "sandbox",
        "ratelimit",
        "validate",
        "limit",
        "password",
        "instance",
        "total",
      ]);
      bodies.push({ ...body, requestId: undefined });
    }
    expect(bodies[0]).toEqual(bodies[1]);
  });

  it("is limited per account: the 11th attempt for one email in 15 minutes is 429, from any address", async () => {
    const key = await newSandboxKey();
    await register(key, ALICE.email, ALICE.password);
    for (let i = 0; i < 10; i++) {
      const res = await login(key, ALICE.email, `guess ${i}`, randomAddress());
      expect(res.status).toBe(401);
    }
    // Even the right password, from a new address: the email's attempts are spent.
    const res = await login(key, ALICE.email, ALICE.password, randomAddress());
    const body = await expectProblem(res, "rate-limited");
    expect(body.detail).toContain("this email");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("ratelimit-policy")).toBe('"login-account";q=10;w=900');
    // An email without an account is limited the same way, so the limit reveals nothing.
    for (let i = 0; i < 10; i++) await login(key, "ghost@example.com", "x", randomAddress());
    await expectProblem(
      await login(key, "ghost@example.com", "x", randomAddress()),
      "rate-limited",
    );
    // Other accounts are unaffected.
    expect((await login(key, SEED_ADMIN.email, SEED_ADMIN.password, randomAddress())).status).toBe(
      200,
    );
  });

  it("is limited per client address, across emails and sandboxes", async () => {
    const from = randomAddress();
    const keys = [await newSandboxKey(), await newSandboxKey()];
    let refused: Response | undefined;
    for (let i = 0; i < 201 && !refused; i++) {
      const res = await login(keys[i % 2] ?? "", `user${i}@example.com`, "password", from);
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(401);
    }
    expect(refused).toBeDefined();
    const body = await expectProblem(refused as Response, "rate-limited");
    expect(body.detail).toContain("Your address");
    expect(refused?.headers.get("ratelimit-policy")).toBe('"login-client";q=200;w=900');
    // Another address still logs in.
    expect((await login(keys[0] ?? "", SEED_ADMIN.email, SEED_ADMIN.password)).status).toBe(200);
  }, 120_000);

  it("is 422 for a body without email or password, before counting an attempt", async () => {
    const key = await newSandboxKey();
    await expectProblem(await auth("login", { key, body: { email: ALICE.email } }), "validation", [
      "password",
    ]);
    expect(problemKinds["invalid-credentials"].status).toBe(401);
  });
});

describe("sandbox creation", () => {
  it("seeds the admin with the hash shared by every sandbox (no hashing per sandbox)", async () => {
    const { getDb } = await import("@/db");
    const { sandboxUser } = await import("@/db/schema/sandbox-users");
    const { ownedBy } = await import("@/lib/sandbox/scope");
    const a = await createSandbox();
    const b = await createSandbox();
    const db = await getDb();
    const [first] = await db.select().from(sandboxUser).where(ownedBy(sandboxUser, a.id));
    const [second] = await db.select().from(sandboxUser).where(ownedBy(sandboxUser, b.id));
    expect(first?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(first?.passwordHash).toBe(second?.passwordHash);
    expect(await verifyPassword(first?.passwordHash ?? "", SEED_ADMIN.password)).toBe(true);
  });
});
