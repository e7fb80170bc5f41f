import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

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
    expect(parseEnv({ VERCEL: "1", DATABASE_URL: "postgres://u@h/db" }).DATABASE_URL).toBe(
      "postgres://u@h/db",
    );
  });
});
