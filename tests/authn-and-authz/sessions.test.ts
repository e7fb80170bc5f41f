import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { userSession } from "@/db/schema/authn-and-authz";
import { SESSION_COOKIE } from "@/lib/authn-and-authz/cookie";
import {
  findSession,
  SESSIONS_KEPT,
  sessionIdOf,
  startSession,
} from "@/lib/authn-and-authz/sessions";
import { SEED_ADMIN } from "@/lib/sandbox-users/seed";
import { expectNoInternals, expectPipelineHeaders, expectProblem, newSandboxKey } from "../harness";
import { lookupSandboxId } from "../jwt-auth/sandbox-id";
import { ALICE, type Browser, browser, logIn, registerUser } from "./client";

const CHALLENGE =
  'Cookie realm="sessions", form-action="/api/v1/sessions/login", cookie-name="lesson_session"';

const me = (b: Browser) => b.send("GET", "/api/v1/sessions/me");

/** A browser on a fresh sandbox with Alice registered and logged in; her CSRF token. */
async function aliceLoggedIn(): Promise<{ b: Browser; csrf: string; sandboxId: string }> {
  const b = browser(await newSandboxKey());
  await registerUser(b, ALICE);
  const csrf = await logIn(b, ALICE);
  return { b, csrf, sandboxId: await lookupSandboxId(b.key) };
}

/** Moves a session's times into the past, as if `seconds` had gone by since its last request. */
async function age(
  sandboxId: string,
  token: string,
  seconds: { idle?: number; absolute?: number },
) {
  const db = await getDb();
  const id = sessionIdOf(token);
  const where = and(eq(userSession.sandboxId, sandboxId), eq(userSession.id, id));
  if (seconds.idle !== undefined)
    await db
      .update(userSession)
      .set({ lastSeenAt: sql`${userSession.lastSeenAt} - make_interval(secs => ${seconds.idle})` })
      .where(where);
  if (seconds.absolute !== undefined)
    await db
      .update(userSession)
      .set({ expiresAt: sql`now() - make_interval(secs => ${seconds.absolute})` })
      .where(where);
}

describe("POST /api/v1/sessions/login", () => {
  it("answers 200 with the user, the session and a CSRF token, and sets an httpOnly, SameSite=Lax cookie for the lesson's paths", async () => {
    const b = browser(await newSandboxKey());
    await registerUser(b, ALICE);
    const res = await b.send("POST", "/api/v1/sessions/login", { body: ALICE });
    expect(res.status).toBe(200);
    expectPipelineHeaders(res);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const [cookie] = res.headers.getSetCookie().filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toMatch(
      /^lesson_session=[A-Za-z0-9_-]{43}; Path=\/api\/v1\/sessions; HttpOnly; SameSite=Lax; Max-Age=28800$/,
    );
    const body = await res.json();
    expect(body).toMatchObject({
      user: { id: 2, email: ALICE.email, role: "customer" },
      session: { current: true, state: "active", endedAt: null },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    // The idle deadline is 15 minutes after login, the absolute one 8 hours.
    const created = Date.parse(body.session.createdAt);
    expect(Date.parse(body.session.idleExpiresAt) - created).toBe(900_000);
    expect(Date.parse(body.session.expiresAt) - created).toBe(28_800_000);
  });

  it("marks the cookie Secure when the client reached the site over HTTPS", async () => {
    const b = browser(await newSandboxKey());
    const res = await b.send("POST", "/api/v1/sessions/login", {
      body: { email: SEED_ADMIN.email, password: SEED_ADMIN.password },
      // The tests trust one proxy (TRUST_PROXY=1), which says the client used HTTPS.
      headers: { "x-forwarded-proto": "https" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/lesson_session=[^;]+;.*; Secure$/m);
  });

  it("stores only the token's SHA-256: no column of the session holds the cookie's value", async () => {
    const { b, sandboxId } = await aliceLoggedIn();
    const token = b.cookie ?? "";
    const db = await getDb();
    const rows = await db.select().from(userSession).where(eq(userSession.sandboxId, sandboxId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("is 401 with a Cookie challenge for a wrong password and for an unknown email, word for word", async () => {
    const b = browser(await newSandboxKey());
    await registerUser(b, ALICE);
    const answers = [];
    for (const body of [
      { email: ALICE.email, password: "not her password" },
      { email: "nobody@example.com", password: "not her password" },
    ]) {
      const res = await b.send("POST", "/api/v1/sessions/login", { body });
      expect(res.headers.get("www-authenticate")).toBe(CHALLENGE);
      expect(res.headers.getSetCookie()).toEqual([]);
      const { requestId: _, ...rest } = await expectProblem(res, "invalid-credentials");
      answers.push(rest);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(b.cookie).toBeUndefined();
  });

  it("is 422 naming each invalid field, and 415 for a body that is not JSON", async () => {
    const b = browser(await newSandboxKey());
    await expectProblem(
      await b.send("POST", "/api/v1/sessions/login", { body: { email: "alice", password: "" } }),
      "validation",
      ["email", "password"],
    );
    await expectProblem(
      await b.send("POST", "/api/v1/sessions/login", {
        body: "email=alice",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      "unsupported-media-type",
    );
  });

  it("counts against the same per-email limit as the JWT lesson's login: the 11th attempt is 429", async () => {
    const b = browser(await newSandboxKey());
    await registerUser(b, ALICE);
    for (let i = 0; i < 10; i++) {
      const res = await b.send("POST", "/api/v1/sessions/login", {
        body: { email: ALICE.email, password: `guess ${i}` },
        headers: { "x-forwarded-for": `10.200.0.${i}` },
      });
      expect(res.status).toBe(401);
    }
    const res = await b.send("POST", "/api/v1/sessions/login", { body: ALICE });
    const body = await expectProblem(res, "rate-limited");
    expect(body.detail).toContain("this email");
    expect(b.cookie).toBeUndefined();
  });

  it("issues a new session id at every login and ends the one the browser held (session fixation)", async () => {
    const { b, sandboxId } = await aliceLoggedIn();
    const before = b.cookie ?? "";
    // Someone who planted `before` in this browser waits for the next login...
    await logIn(b, ALICE);
    expect(b.cookie).toBeDefined();
    expect(b.cookie).not.toBe(before);
    // ...and finds the planted id ended by it.
    const planted = browser(b.key);
    planted.cookie = before;
    const body = await expectProblem(await me(planted), "invalid-session");
    expect(body.detail).toContain("a newer login from the same browser replaced it");
    expect((await me(b)).status).toBe(200);
    const lookup = await findSession({ sandboxId, token: before });
    expect(lookup).toEqual({ outcome: "ended", reason: "login" });
  });

  it("is refused from another origin (login CSRF), before any password is checked", async () => {
    const b = browser(await newSandboxKey());
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://blog.bmj.test" },
    ]) {
      const res = await b.send("POST", "/api/v1/sessions/login", {
        body: { email: SEED_ADMIN.email, password: SEED_ADMIN.password },
        headers,
      });
      await expectProblem(res, "csrf-rejected");
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const ok = await b.send("POST", "/api/v1/sessions/login", {
      body: { email: SEED_ADMIN.email, password: SEED_ADMIN.password },
      headers: { "sec-fetch-site": "same-origin", origin: "http://bmj.test" },
    });
    expect(ok.status).toBe(200);
  });
});

describe("GET /api/v1/sessions/me", () => {
  it("is the user the cookie names, with the session and its CSRF token (the login's)", async () => {
    const { b, csrf } = await aliceLoggedIn();
    const res = await me(b);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { id: 2, email: ALICE.email, role: "customer" },
      session: { current: true, state: "active" },
      csrfToken: csrf,
    });
    expect(res.headers.get("server-timing")).toMatch(/session;.*touch;/);
  });

  it("answers HEAD like GET, without a body", async () => {
    const { b } = await aliceLoggedIn();
    const res = await b.send("HEAD", "/api/v1/sessions/me");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("is 401 session-required with a Cookie challenge when no cookie came", async () => {
    const b = browser(await newSandboxKey());
    const res = await me(b);
    expect(res.headers.get("www-authenticate")).toBe(CHALLENGE);
    const body = await expectProblem(res, "session-required");
    expect(body.detail).toContain("POST /api/v1/sessions/login");
  });

  it("is 401 invalid-session, and clears the cookie, for a cookie this server never made", async () => {
    for (const cookie of ["not-a-token", "A".repeat(43)]) {
      const b = browser(await newSandboxKey());
      b.cookie = cookie;
      const res = await me(b);
      expect(res.headers.get("www-authenticate")).toBe(CHALLENGE);
      await expectProblem(res, "invalid-session");
      expect(res.headers.getSetCookie().join()).toMatch(
        /lesson_session=; Path=\/api\/v1\/sessions;.*Max-Age=0/,
      );
      expect(b.cookie).toBeUndefined();
    }
  });

  it("is 401 for a live session of another sandbox: a cookie never crosses sandboxes", async () => {
    const { b } = await aliceLoggedIn();
    const other = browser(await newSandboxKey());
    await registerUser(other, ALICE);
    other.cookie = b.cookie;
    const body = await expectProblem(await me(other), "invalid-session");
    expect(body.detail).toContain("No session of your sandbox");
    // Still Alice in her own sandbox.
    b.cookie = other.cookie ?? b.cookie;
    expect((await me(b)).status).toBe(200);
  });

  it("restarts the idle timeout on every request", async () => {
    const { b, sandboxId } = await aliceLoggedIn();
    await age(sandboxId, b.cookie ?? "", { idle: 600 });
    const res = await me(b);
    expect(res.status).toBe(200);
    const { session } = await res.json();
    expect(Date.now() - Date.parse(session.lastSeenAt)).toBeLessThan(60_000);
    expect(Date.parse(session.idleExpiresAt) - Date.parse(session.lastSeenAt)).toBe(900_000);
  });

  it("is 401 once the session was unused for longer than the idle timeout", async () => {
    const { b, sandboxId } = await aliceLoggedIn();
    await age(sandboxId, b.cookie ?? "", { idle: 901 });
    const body = await expectProblem(await me(b), "invalid-session");
    expect(body.detail).toContain("idle timeout");
  });

  it("is 401 past the absolute expiry, however recently the session was used", async () => {
    const { b, sandboxId } = await aliceLoggedIn();
    await age(sandboxId, b.cookie ?? "", { absolute: 1 });
    const body = await expectProblem(await me(b), "invalid-session");
    expect(body.detail).toContain("absolute lifetime");
  });
});

describe("session expiry, on the service's own clock", () => {
  it("is valid until the idle deadline, which each use moves, and never past the absolute one", async () => {
    const sandboxId = await lookupSandboxId(await newSandboxKey());
    const lifetime = { idleSeconds: 60, absoluteSeconds: 300 };
    const t0 = new Date("2030-01-01T00:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const { token } = await startSession({ sandboxId, userId: 1, now: t0, lifetime });
    const outcome = async (s: number) =>
      (await findSession({ sandboxId, token, now: at(s), lifetime })).outcome;
    expect(await outcome(59)).toBe("valid");
    expect(await outcome(60)).toBe("idle");
    // Used every 50 s, it lives until the absolute expiry, and not a second longer.
    const db = await getDb();
    for (let s = 50; s < 300; s += 50) {
      expect(await outcome(s)).toBe("valid");
      await db
        .update(userSession)
        .set({ lastSeenAt: at(s) })
        .where(eq(userSession.id, sessionIdOf(token)));
    }
    expect(await outcome(299)).toBe("valid");
    expect(await outcome(300)).toBe("expired");
  });
});

describe("POST /api/v1/sessions/logout", () => {
  it("is 204, clears the cookie, and ends the session on the server: a kept copy of the cookie is 401", async () => {
    const { b, csrf } = await aliceLoggedIn();
    const copy = b.cookie;
    const res = await b.send("POST", "/api/v1/sessions/logout", { csrf });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(
      /lesson_session=; Path=\/api\/v1\/sessions;.*Max-Age=0/,
    );
    expect(b.cookie).toBeUndefined();
    await expectProblem(await me(b), "session-required");
    const thief = browser(b.key);
    thief.cookie = copy;
    const body = await expectProblem(await me(thief), "invalid-session");
    expect(body.detail).toContain("a logout ended it on the server");
  });

  it("is 403 without the CSRF token, and ends nothing", async () => {
    const { b } = await aliceLoggedIn();
    await expectProblem(await b.send("POST", "/api/v1/sessions/logout"), "csrf-rejected");
    expect((await me(b)).status).toBe(200);
  });

  it("is 401 without a session, and 405 for GET (a GET must never log anyone out)", async () => {
    const b = browser(await newSandboxKey());
    await expectProblem(
      await b.send("POST", "/api/v1/sessions/logout", { csrf: "x" }),
      "session-required",
    );
    const res = await b.send("GET", "/api/v1/sessions/logout");
    await expectProblem(res, "method-not-allowed");
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
  });
});

describe("GET /api/v1/sessions and /api/v1/sessions/{id}", () => {
  it("keeps a user's ten newest sessions: an eleventh login deletes the oldest", async () => {
    const { b, sandboxId } = await aliceLoggedIn();
    const first = b.cookie ?? "";
    // Ten more logins (through the service: the API would stop at the login limit first).
    for (let i = 0; i < SESSIONS_KEPT; i++) await startSession({ sandboxId, userId: 2 });
    // The first is gone: its cookie names no session any more.
    const body = await expectProblem(await b.send("GET", "/api/v1/sessions"), "invalid-session");
    expect(body.detail).toContain("logins beyond the ten kept");
    const db = await getDb();
    const rows = await db.select().from(userSession).where(eq(userSession.sandboxId, sandboxId));
    expect(rows).toHaveLength(SESSIONS_KEPT);
    expect(rows.map((r) => r.id)).not.toContain(sessionIdOf(first));
  });

  // Concurrent logins of one user, each trimming the others' sessions, can deadlock or keep too
  // many. PGlite runs one transaction at a time: this can only fail on a real Postgres (CI).
  it("keeps ten, and starts every one, when many logins of one user come at once", async () => {
    const { sandboxId } = await aliceLoggedIn();
    const started = await Promise.allSettled(
      Array.from({ length: 30 }, () => startSession({ sandboxId, userId: 2 })),
    );
    expect(started.filter((s) => s.status === "rejected").map((s) => String(s.reason))).toEqual([]);
    const db = await getDb();
    const rows = await db.select().from(userSession).where(eq(userSession.sandboxId, sandboxId));
    expect(rows).toHaveLength(SESSIONS_KEPT);
  });

  it("lists the caller's sessions newest first, the current one marked, ended ones with why", async () => {
    const { b, csrf } = await aliceLoggedIn();
    const first = b.cookie ?? "";
    await logIn(b, ALICE);
    const res = await b.send("GET", "/api/v1/sessions");
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data.map((s: { state: string; current: boolean }) => [s.state, s.current])).toEqual([
      ["active", true],
      ["login", false],
    ]);
    expect(data[1].id).toBe(sessionIdOf(first));
    expect(csrf).toBeTruthy();
    const one = await b.send("GET", `/api/v1/sessions/${data[1].id}`);
    expect(await one.json()).toMatchObject({ id: sessionIdOf(first), state: "login" });
  });

  it("is 404 for a session id that is not the caller's, or not one at all", async () => {
    const { b } = await aliceLoggedIn();
    const admin = browser(b.key);
    await logIn(admin, { email: SEED_ADMIN.email, password: SEED_ADMIN.password });
    await expectProblem(
      await b.send("GET", `/api/v1/sessions/${sessionIdOf(admin.cookie ?? "")}`),
      "not-found",
    );
    await expectProblem(await b.send("GET", "/api/v1/sessions/nonsense"), "not-found");
  });
});

describe("DELETE /api/v1/sessions/{id}", () => {
  it("ends another of the caller's sessions (another device): its cookie is 401 from then on", async () => {
    const { b: phone } = await aliceLoggedIn();
    const laptop = browser(phone.key);
    const csrf = await logIn(laptop, ALICE);
    const res = await laptop.send("DELETE", `/api/v1/sessions/${sessionIdOf(phone.cookie ?? "")}`, {
      csrf,
    });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()).toEqual([]);
    const body = await expectProblem(await me(phone), "invalid-session");
    expect(body.detail).toContain("revoked");
    expect((await me(laptop)).status).toBe(200);
  });

  it("ends the current session too, clearing its cookie; ending an ended one is 204 again", async () => {
    const { b, csrf } = await aliceLoggedIn();
    const id = sessionIdOf(b.cookie ?? "");
    const res = await b.send("DELETE", `/api/v1/sessions/${id}`, { csrf });
    expect(res.status).toBe(204);
    expect(b.cookie).toBeUndefined();
    const again = browser(b.key);
    const csrf2 = await logIn(again, ALICE);
    expect((await again.send("DELETE", `/api/v1/sessions/${id}`, { csrf: csrf2 })).status).toBe(
      204,
    );
  });

  it("is 404 for another user's session, which it leaves alone, and 403 without the CSRF token", async () => {
    const { b, csrf } = await aliceLoggedIn();
    const admin = browser(b.key);
    await logIn(admin, { email: SEED_ADMIN.email, password: SEED_ADMIN.password });
    const theirs = sessionIdOf(admin.cookie ?? "");
    await expectProblem(
      await b.send("DELETE", `/api/v1/sessions/${theirs}`, { csrf }),
      "not-found",
    );
    expect((await me(admin)).status).toBe(200);
    await expectProblem(await b.send("DELETE", `/api/v1/sessions/${theirs}`), "csrf-rejected");
  });
});

describe("every refusal", () => {
  it("is problem+json without the server's insides", async () => {
    const b = browser(await newSandboxKey());
    b.cookie = "x".repeat(43);
    const res = await b.send("GET", "/api/v1/sessions");
    expectNoInternals(await res.clone().text());
    await expectProblem(res, "invalid-session");
  });
});
