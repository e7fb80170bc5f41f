import * as argon2 from "@node-rs/argon2";
import { describe, expect, it, vi } from "vitest";
import { newSandboxKey } from "../harness";
import { ALICE, login, register } from "./client";

// The real argon2, watched: how many verifications each login does.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: vi.fn(real.verify) };
});

describe("a login's work", () => {
  it("is one argon2id verification whether the email has an account or not, and none once limited", async () => {
    const key = await newSandboxKey();
    await register(key, ALICE.email, ALICE.password);
    const verify = vi.mocked(argon2.verify);
    const verificationsFor = async (email: string, password: string) => {
      verify.mockClear();
      const res = await login(key, email, password);
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
    for (let i = 0; i < 10; i++) await login(key, "limited@example.com", "guess");
    expect(await verificationsFor("limited@example.com", "guess")).toEqual({
      status: 429,
      verifications: 0,
    });
  });
});
