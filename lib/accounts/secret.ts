import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Kept on globalThis: instrumentation, route handlers and pages are separate bundles of one process.
const SECRET = Symbol.for("bmj.auth-secret");
const holder = globalThis as { [SECRET]?: string };

/** Where a generated secret is kept: beside the embedded database, so restarts keep sessions. */
export function generatedSecretPath(pgliteDir: string): string {
  return path.join(path.dirname(path.resolve(pgliteDir)), "auth-secret");
}

/** Reads the generated secret, or writes a new one if there is none yet (first writer wins). */
function generatedSecret(file: string): string {
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch {
    // None yet.
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const fresh = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${fresh}\n`, { flag: "wx", mode: 0o600 });
    return fresh;
  } catch {
    // Another process wrote it first: use theirs.
    return readFileSync(file, "utf8").trim();
  }
}

/**
 * AUTH_SECRET, or for local use one generated on first start (with a warning): kept in memory
 * under tests, else in a file beside the embedded database. lib/env.ts refuses to start a
 * production server with a shared database and no AUTH_SECRET, so instances never disagree.
 */
export function authSecret(): string {
  if (holder[SECRET]) return holder[SECRET];
  const { AUTH_SECRET, NODE_ENV, PGLITE_DIR } = env();
  if (AUTH_SECRET) {
    holder[SECRET] = AUTH_SECRET;
  } else if (NODE_ENV === "test" || PGLITE_DIR === "memory://") {
    holder[SECRET] = randomBytes(32).toString("base64url");
  } else {
    const file = generatedSecretPath(PGLITE_DIR);
    holder[SECRET] = generatedSecret(file);
    logger.warn(
      { file },
      "AUTH_SECRET is not set: using a secret generated for this machine. Set AUTH_SECRET (openssl rand -base64 32) for any shared deployment.",
    );
  }
  return holder[SECRET];
}
