import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { findLesson } from "@/content/lessons";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, newSandboxKey } from "../harness";
import { ALICE, BOB, browser, logIn, registerUser } from "./client";

async function check(key: string) {
  const res = await call(
    checkRoute,
    "/api/progress/authn-and-authz/check",
    { slug: "authn-and-authz" },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return expectConforms(checkWork, res);
}

const failing = async (key: string) =>
  (await check(key)).checks.filter((c) => !c.passed).map((c) => c.id);

describe("the sessions lesson's checks", () => {
  it("all fail on a fresh sandbox", async () => {
    const key = await newSandboxKey();
    expect(await failing(key)).toEqual(findLesson("authn-and-authz")?.checks.map((c) => c.id));
  });

  it("pass one by one as the learner does the work, and mark the lesson done", async () => {
    const key = await newSandboxKey();
    const alice = browser(key);
    await registerUser(alice, ALICE);
    await registerUser(alice, BOB);
    // A 401 is not a login: /me must have answered 200.
    await alice.send("GET", "/api/v1/sessions/me");
    expect(await failing(key)).toContain("logged-in");
    const csrf = await logIn(alice, ALICE);
    await alice.send("GET", "/api/v1/sessions/me");
    expect(await failing(key)).not.toContain("logged-in");
    await alice.send("POST", "/api/v1/sessions/notes", { body: { title: "x" } });
    expect(await failing(key)).not.toContain("csrf-refused");
    expect(await failing(key)).toContain("csrf-accepted");
    await alice.send("POST", "/api/v1/sessions/notes", { csrf, body: { title: "x" } });
    await alice.send("GET", "/api/v1/sessions/admin/users");
    // A 404 without a session behind it proves nothing about ownership.
    await browser(key).send("GET", "/api/v1/sessions/notes/1");
    expect(await failing(key)).toEqual(["someone-elses-note", "logged-out"]);
    const bob = browser(key);
    const bobCsrf = await logIn(bob, BOB);
    await bob.send("GET", "/api/v1/sessions/notes/1");
    await bob.send("POST", "/api/v1/sessions/logout", { csrf: bobCsrf });
    expect(await check(key)).toMatchObject({ slug: "authn-and-authz", passed: true });
  });
});
