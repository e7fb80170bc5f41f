import { describe, expect, it } from "vitest";
import { SEED_ADMIN } from "@/lib/sandbox-users/seed";
import { expectProblem, newSandboxKey } from "../harness";
import { ALICE, BOB, type Browser, browser, logIn, registerUser } from "./client";

const ADMIN = { email: SEED_ADMIN.email, password: SEED_ADMIN.password };
const NOTES = "/api/v1/sessions/notes";

/** One sandbox; Alice, Bob and the admin each logged in in a browser of their own. */
async function three() {
  const key = await newSandboxKey();
  const alice = browser(key);
  const bob = browser(key);
  const admin = browser(key);
  await registerUser(alice, ALICE);
  await registerUser(bob, BOB);
  const csrf = {
    alice: await logIn(alice, ALICE),
    bob: await logIn(bob, BOB),
    admin: await logIn(admin, ADMIN),
  };
  return { key, alice, bob, admin, csrf };
}

async function write(b: Browser, csrf: string, title: string) {
  const res = await b.send("POST", NOTES, { csrf, body: { title } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; ownerId: number };
}

describe("notes: ownership", () => {
  it("belong to whoever the session says, with a Location; the owner reads, changes and deletes them", async () => {
    const { alice, csrf } = await three();
    const res = await alice.send("POST", NOTES, {
      csrf: csrf.alice,
      body: { title: "  Buy milk ", body: "Two litres" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/api/v1/sessions/notes/1");
    expect(await res.json()).toMatchObject({
      id: 1,
      ownerId: 2,
      title: "Buy milk",
      body: "Two litres",
    });
    expect((await (await alice.send("GET", `${NOTES}/1`)).json()).title).toBe("Buy milk");
    const changed = await alice.send("PATCH", `${NOTES}/1`, {
      csrf: csrf.alice,
      body: { body: "Three litres" },
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect(await changed.json()).toMatchObject({ title: "Buy milk", body: "Three litres" });
    expect((await alice.send("DELETE", `${NOTES}/1`, { csrf: csrf.alice })).status).toBe(204);
    await expectProblem(await alice.send("GET", `${NOTES}/1`), "not-found");
  });

  it("never take their owner from the body", async () => {
    const { bob, csrf } = await three();
    await expectProblem(
      await bob.send("POST", NOTES, { csrf: csrf.bob, body: { title: "Mine", ownerId: 2 } }),
      "validation",
      ["ownerId"],
    );
  });

  it("of Alice are 404 to Bob for read, change and delete, in the very words of a note that does not exist", async () => {
    const { alice, bob, csrf } = await three();
    const note = await write(alice, csrf.alice, "Alice's secret");
    const missing = note.id + 50;
    const strip = ({ requestId: _r, instance: _i, ...rest }: Record<string, unknown>) => rest;
    for (const [method, options] of [
      ["GET", {}],
      ["PATCH", { csrf: csrf.bob, body: { title: "Bob was here" } }],
      ["DELETE", { csrf: csrf.bob }],
    ] as const) {
      const theirs = await expectProblem(
        await bob.send(method, `${NOTES}/${note.id}`, options),
        "not-found",
      );
      const none = await expectProblem(
        await bob.send(method, `${NOTES}/${missing}`, options),
        "not-found",
      );
      expect(theirs.detail).toBe(`You have no note ${note.id}.`);
      expect(strip({ ...theirs, detail: "" })).toEqual(strip({ ...none, detail: "" }));
    }
    // Nothing changed, and Bob's list holds only his own.
    expect(await (await alice.send("GET", `${NOTES}/${note.id}`)).json()).toMatchObject({
      title: "Alice's secret",
    });
    await write(bob, csrf.bob, "Bob's");
    const bobs = await (await bob.send("GET", NOTES)).json();
    expect(bobs.data.map((n: { ownerId: number }) => n.ownerId)).toEqual([3]);
  });

  it("of anyone may be read by an admin, and changed or deleted only by their owner (403 for the admin)", async () => {
    const { alice, admin, csrf } = await three();
    const note = await write(alice, csrf.alice, "Alice's");
    expect((await admin.send("GET", `${NOTES}/${note.id}`)).status).toBe(200);
    const patch = await admin.send("PATCH", `${NOTES}/${note.id}`, {
      csrf: csrf.admin,
      body: { title: "Moderated" },
    });
    const body = await expectProblem(patch, "not-owner");
    expect(body.detail).toContain("only its owner");
    await expectProblem(
      await admin.send("DELETE", `${NOTES}/${note.id}`, { csrf: csrf.admin }),
      "not-owner",
    );
    // A note that does not exist is still 404 for an admin.
    await expectProblem(await admin.send("GET", `${NOTES}/999`), "not-found");
    // The admin's own list is the admin's own notes.
    expect((await (await admin.send("GET", NOTES)).json()).data).toEqual([]);
  });

  it("need a session (401) before anything about them is said", async () => {
    const { key, alice, csrf } = await three();
    await write(alice, csrf.alice, "Alice's");
    const nobody = browser(key);
    await expectProblem(await nobody.send("GET", NOTES), "session-required");
    await expectProblem(await nobody.send("GET", `${NOTES}/1`), "session-required");
    await expectProblem(await nobody.send("GET", `${NOTES}/999`), "session-required");
  });

  it("validate ids and bodies (422), and refuse an empty change", async () => {
    const { alice, csrf } = await three();
    await expectProblem(await alice.send("GET", `${NOTES}/abc`), "validation", ["id"]);
    await expectProblem(
      await alice.send("POST", NOTES, { csrf: csrf.alice, body: { title: " " } }),
      "validation",
      ["title"],
    );
    const note = await write(alice, csrf.alice, "x");
    const res = await alice.send("PATCH", `${NOTES}/${note.id}`, { csrf: csrf.alice, body: {} });
    expect(res.status).toBe(422);
  });

  it("never cross sandboxes: Alice of another sandbox, id 2 too, gets 404 for this one's note 1", async () => {
    const { alice, csrf } = await three();
    await write(alice, csrf.alice, "Sandbox A's");
    const elsewhere = browser(await newSandboxKey());
    await registerUser(elsewhere, ALICE);
    await logIn(elsewhere, ALICE);
    await expectProblem(await elsewhere.send("GET", `${NOTES}/1`), "not-found");
    expect((await (await elsewhere.send("GET", NOTES)).json()).data).toEqual([]);
  });
});

describe("GET /api/v1/sessions/admin/users: roles", () => {
  it("is 401 without a session, 403 for a customer, 200 for an admin", async () => {
    const { key, alice, admin } = await three();
    await expectProblem(
      await browser(key).send("GET", "/api/v1/sessions/admin/users"),
      "session-required",
    );
    const refused = await alice.send("GET", "/api/v1/sessions/admin/users");
    const body = await expectProblem(refused, "insufficient-role");
    expect(body.detail).toContain("alice@example.com, a customer");
    // A 403 is no challenge to authenticate: no WWW-Authenticate.
    expect(refused.headers.get("www-authenticate")).toBeNull();
    const res = await admin.send("GET", "/api/v1/sessions/admin/users");
    expect(res.status).toBe(200);
    expect((await res.json()).data.map((u: { email: string }) => u.email)).toEqual([
      ADMIN.email,
      ALICE.email,
      BOB.email,
    ]);
  });
});

describe("CSRF: changes made with the session cookie", () => {
  it("are refused without X-CSRF-Token, with a wrong one, and with another session's, and change nothing", async () => {
    const { alice, bob, csrf } = await three();
    for (const token of [undefined, "", "guessed", csrf.bob, `${csrf.alice}x`]) {
      const res = await alice.send("POST", NOTES, { csrf: token, body: { title: "forged" } });
      const body = await expectProblem(res, "csrf-rejected");
      expect(body.detail).toMatch(/X-CSRF-Token/);
    }
    expect((await (await alice.send("GET", NOTES)).json()).data).toEqual([]);
    expect(bob.cookie).toBeDefined();
  });

  it("are refused from another origin even with the right token: Origin, or Sec-Fetch-Site cross-site or same-site", async () => {
    const { alice, csrf } = await three();
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", origin: "https://blog.bmj.test" },
    ]) {
      const res = await alice.send("POST", NOTES, {
        csrf: csrf.alice,
        headers,
        body: { title: "forged" },
      });
      const body = await expectProblem(res, "csrf-rejected");
      expect(body.detail).toContain("came from another origin");
    }
    expect((await (await alice.send("GET", NOTES)).json()).data).toEqual([]);
  });

  it("are accepted from this origin's pages and from clients that are no page (curl), with the token", async () => {
    const { alice, csrf } = await three();
    for (const headers of <Record<string, string>[]>[
      { "sec-fetch-site": "same-origin", origin: "http://bmj.test" },
      { origin: "http://bmj.test" },
      {},
    ]) {
      const res = await alice.send("POST", NOTES, {
        csrf: csrf.alice,
        headers,
        body: { title: "ok" },
      });
      expect(res.status).toBe(201);
    }
  });

  it("do not apply to reads: a GET needs the cookie only", async () => {
    const { alice } = await three();
    const res = await alice.send("GET", NOTES, {
      headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    });
    expect(res.status).toBe(200);
  });
});
