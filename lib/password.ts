import { type Algorithm, hash, type Options, parseOptions, verify } from "@node-rs/argon2";

/**
 * Passwords, for the portal's accounts and for the lesson users of every sandbox alike: one
 * argon2id setting, one way to check, and the same time spent whether or not a password exists.
 */

// #region argon2-params
/**
 * argon2id with OWASP's first recommended setting (Password Storage Cheat Sheet): 19 MiB of
 * memory, 2 passes, 1 lane. Memory is what makes guessing expensive on GPUs. A hash costs some
 * 15-30 ms of one core (bench/ measures a whole login: 29 ms of CPU on a busy 2-core machine).
 * Hashes run on libuv's thread pool (4 threads by default): at most 4, 76 MiB, at once per process.
 */
export const ARGON2_OPTIONS = {
  // Algorithm.Argon2id: a const enum, which isolated modules cannot read, so its value.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;
// #endregion

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether `password` is the one `stored` was made from; false for a hash it cannot read. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// #region password-matches
/** Verified against when there is no stored hash, so that costs what a wrong password costs. */
const NOTHING_STORED = "no password is stored; this hash only spends the same time";

/**
 * Whether `password` is the one `stored` was made from. With nothing stored (no such user, or a
 * user who signs in another way) it still runs one verification, against a decoy, and says no.
 */
export async function passwordMatches(
  password: string,
  stored: string | null | undefined,
): Promise<boolean> {
  const decoy = await hashOnce(NOTHING_STORED);
  const ok = await verifyPassword(stored ?? decoy, password);
  return ok && stored !== undefined && stored !== null;
}
// #endregion

/** Whether a stored hash was made with other settings than today's (then rehash it at login). */
export function needsRehash(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    return (
      used.algorithm !== ARGON2_OPTIONS.algorithm ||
      used.memoryCost !== ARGON2_OPTIONS.memoryCost ||
      used.timeCost !== ARGON2_OPTIONS.timeCost ||
      used.parallelism !== ARGON2_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}

// Kept on globalThis: Next bundles each route separately, and each would hash its own copy.
const globalForHashes = globalThis as unknown as { bmjHashes?: Map<string, Promise<string>> };

/**
 * A hash of a fixed password, made once per process. The seeded admin of every sandbox shares
 * one (so creating a sandbox costs no hashing), and logins for an email with no account verify
 * against one, so they cost the same time as a wrong password.
 */
export function hashOnce(password: string): Promise<string> {
  globalForHashes.bmjHashes ??= new Map();
  const hashes = globalForHashes.bmjHashes;
  let made = hashes.get(password);
  if (!made) {
    made = hashPassword(password);
    made.catch(() => hashes.delete(password));
    hashes.set(password, made);
  }
  return made;
}
