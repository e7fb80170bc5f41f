import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

/** Shaped like a PKCS #8 PEM, with the escaped newlines an environment variable holds. */
const PEM = "-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----";

describe("environment", () => {
  it("runs with nothing set: embedded database, default limits", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.SANDBOX_CREATE_LIMIT).toBe(30);
    expect(env.SANDBOX_REQUEST_LIMIT).toBe(600);
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and what to set when a value is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(
      "DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
    );
    expect(() => parseEnv({ SANDBOX_REQUEST_LIMIT: "lots" })).toThrow("SANDBOX_REQUEST_LIMIT");
  });

  it("wants both Upstash variables or neither", () => {
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: "https://example.upstash.io" })).toThrow(
      "set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither",
    );
  });

  it("refuses to run on Vercel without a real database", () => {
    expect(() => parseEnv({ VERCEL: "1" })).toThrow("DATABASE_URL: is required on Vercel");
    expect(
      parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db", JWT_PRIVATE_KEY: PEM })
        .DATABASE_URL,
    ).toBe("postgres://u@h/db");
  });

  it("refuses to run on Vercel without a JWT signing key, and takes one with \\n escapes", () => {
    expect(() => parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db" })).toThrow(
      "JWT_PRIVATE_KEY: is required on Vercel",
    );
    expect(parseEnv({ JWT_PRIVATE_KEY: PEM }).JWT_PRIVATE_KEY).toBe(PEM.replace(/\\n/g, "\n"));
    expect(() => parseEnv({ JWT_PRIVATE_KEY: "secret" })).toThrow(
      "JWT_PRIVATE_KEY: must be a PKCS #8 PEM private key",
    );
  });

  it("limits login attempts per account and per client by default", () => {
    expect(parseEnv({})).toMatchObject({ LOGIN_ACCOUNT_LIMIT: 10, LOGIN_CLIENT_LIMIT: 200 });
  });

  it("takes an AUTH_SECRET only if it is long enough to be one", () => {
    expect(() => parseEnv({ AUTH_SECRET: "password" })).toThrow(
      "AUTH_SECRET: must be at least 32 characters: generate one with `openssl rand -base64 32`",
    );
    const secret = "k".repeat(32);
    expect(parseEnv({ AUTH_SECRET: secret }).AUTH_SECRET).toBe(secret);
  });

  it("runs without AUTH_SECRET locally, but not in production with a shared database", () => {
    expect(parseEnv({}).AUTH_SECRET).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "production" }).AUTH_SECRET).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db" })).toThrow(
      "AUTH_SECRET: is required in production with a shared database",
    );
    expect(() =>
      parseEnv({ NODE_ENV: "production", VERCEL: "1", DATABASE_URL: "postgres://u@h/db" }),
    ).toThrow("AUTH_SECRET");
  });

  it("wants both GitHub variables or neither, and limits sign-in attempts to 10 by default", () => {
    expect(() => parseEnv({ AUTH_GITHUB_ID: "Iv1.abc" })).toThrow(
      "set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET (your GitHub OAuth app), or neither",
    );
    expect(parseEnv({}).AUTH_ATTEMPT_LIMIT).toBe(10);
    expect(() => parseEnv({ AUTH_ATTEMPT_LIMIT: "0" })).toThrow("AUTH_ATTEMPT_LIMIT");
  });
});
