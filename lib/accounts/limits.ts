import { env } from "@/lib/env";
import { createLimiter, type Limiter } from "@/lib/rate-limit";

/** Attempts are counted over 15 minutes: long enough to stop guessing, short enough to wait out. */
export const ATTEMPT_WINDOW_SECONDS = 15 * 60;

const limiters = new Map<string, Limiter>();

function limiter(name: string): Limiter {
  let found = limiters.get(name);
  if (!found) {
    found = createLimiter({
      name,
      limit: env().AUTH_ATTEMPT_LIMIT,
      windowSeconds: ATTEMPT_WINDOW_SECONDS,
    });
    limiters.set(name, found);
  }
  return found;
}

export type Allowance = { ok: true } | { ok: false; retryAfter: number };

async function take(name: string, identifier: string): Promise<Allowance> {
  const result = await limiter(name).limit(identifier);
  if (result.success) return { ok: true };
  return { ok: false, retryAfter: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)) };
}

/**
 * One sign-in attempt, counted per client address and per email address: one address cannot try
 * many passwords, and many addresses cannot share the guessing of one account's.
 */
export async function allowSignInAttempt({
  address,
  email,
}: {
  address: string;
  email: string;
}): Promise<Allowance> {
  const byAddress = await take("signin-address", address);
  if (!byAddress.ok) return byAddress;
  return take("signin-email", email.trim().toLowerCase());
}

/** One new account, counted per client address. */
export function allowSignUp({ address }: { address: string }): Promise<Allowance> {
  return take("signup-address", address);
}

/**
 * One step of a GitHub sign-in through /api/auth (a start, or the callback), counted per client
 * address: each callback makes this server call GitHub, and a loop of them could use up the app's
 * allowance there for everyone.
 */
export function allowOAuthStep({ address }: { address: string }): Promise<Allowance> {
  return take("oauth-address", address);
}
