import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { findLesson } from "@/content/lessons";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, newSandboxKey } from "../harness";
import { ALICE, auth, me, refresh, register, tokensFor } from "./client";

async function check(key: string) {
  const res = await call(
    checkRoute,
    "/api/progress/jwt-auth/check",
    { slug: "jwt-auth" },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return expectConforms(checkWork, res);
}

const failing = async (key: string) =>
  (await check(key)).checks.filter((c) => !c.passed).map((c) => c.id);

describe("the JWT lesson's checks", () => {
  it("all fail on a fresh sandbox, whose only user is the seeded admin", async () => {
    const key = await newSandboxKey();
    expect(await failing(key)).toEqual(findLesson("jwt-auth")?.checks.map((c) => c.id));
  });

  it("pass one by one as the learner does the work, and mark the lesson done", async () => {
    const key = await newSandboxKey();
    await register(key, ALICE.email, ALICE.password);
    const pair = await tokensFor(key, ALICE.email, ALICE.password);
    expect(await failing(key)).not.toContain("registered");
    expect(await failing(key)).not.toContain("logged-in");
    await me(key, pair.accessToken);
    // A 401 for a session that ended is not a refused forgery: that check wants a token that
    // failed verification itself.
    const [header, payload] = pair.accessToken.split(".");
    await me(key, `${header}.${payload}.AAAA`);
    const next = await (await refresh(key, pair.refreshToken)).json();
    expect(await failing(key)).toEqual(["reuse-detected", "logged-out"]);
    await refresh(key, pair.refreshToken);
    const again = await tokensFor(key, ALICE.email, ALICE.password);
    await auth("logout", { key, token: again.accessToken });
    expect(next.tokenType).toBe("Bearer");
    const report = await check(key);
    expect(report).toMatchObject({ slug: "jwt-auth", passed: true });
  });

  it("do not count a 401 from an ended session as a refused forgery", async () => {
    const key = await newSandboxKey();
    const pair = await tokensFor(key);
    await auth("logout", { key, token: pair.accessToken });
    await me(key, pair.accessToken);
    expect(await failing(key)).toContain("forgery-refused");
  });
});
