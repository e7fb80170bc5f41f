import * as argon2 from "@node-rs/argon2";
import { describe, expect, it, vi } from "vitest";
import { newSandboxKey } from "../harness";
import { ALICE, browser, registerUser } from "./client";

// The real argon2, watched: how many verifications each login does.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: vi.fn(real.verify) };
});

describe("a session login's work", () => {
  it("is one argon2id verification whether the email has an account or not, and none from another origin", async () => {
    const b = browser(await newSandboxKey());
    await registerUser(b, ALICE);
    const verify = vi.mocked(argon2.verify);
    const verificationsFor = async (email: string, password: string, headers = {}) => {
      verify.mockClear();
      const res = await b.send("POST", "/api/v1/sessions/login", {
        body: { email, password },
        headers,
      });
      return { status: res.status, verifications: verify.mock.calls.length };
    };
    expect(await verificationsFor(ALICE.email, ALICE.password)).toEqual({
      status: 200,
      verifications: 1,
    });
    expect(await verificationsFor(ALICE.email, "wrong password")).toEqual({
      status: 401,
      verifications: 1,
    });
    expect(await verificationsFor("nobody@example.com", "wrong password")).toEqual({
      status: 401,
      verifications: 1,
    });
    expect(
      await verificationsFor(ALICE.email, ALICE.password, { origin: "https://evil.example" }),
    ).toEqual({ status: 403, verifications: 0 });
  });
});
