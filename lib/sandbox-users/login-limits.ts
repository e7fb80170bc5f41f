import { env } from "@/lib/env";
import { HttpProblem } from "@/lib/http/problem";
import { createLimiter, type Limiter, rateLimitHeaders } from "@/lib/rate-limit";
import { normalizeEmail } from "./service";

/** Both limits count login attempts in a sliding window of this many seconds. */
export const LOGIN_WINDOW_SECONDS = 15 * 60;

let perAccount: Limiter | undefined;
let perClient: Limiter | undefined;

function refuse(
  result: Awaited<ReturnType<Limiter["limit"]>>,
  policy: string,
  detail: string,
): never {
  const headers = rateLimitHeaders(result, { name: policy, windowSeconds: LOGIN_WINDOW_SECONDS });
  throw new HttpProblem(
    "rate-limited",
    `${detail} Wait ${headers["retry-after"]} s (Retry-After).`,
    {
      headers,
    },
  );
}

// #region login-limits
/**
 * Counts a login attempt against two limits before any password is checked (so a refused attempt
 * costs no hashing either):
 * - per account: the email, in this sandbox, whether or not an account has it (a limit only real
 *   accounts had would tell which emails exist), against guessing one user's password;
 * - per client: the caller's address, against trying a few common passwords on many accounts.
 * Every attempt counts, successful or not: the limits are far above what a person logging in needs.
 */
export async function limitLoginAttempt({
  sandboxId,
  email,
  address,
}: {
  sandboxId: string;
  email: string;
  address: string;
}): Promise<void> {
  const { LOGIN_ACCOUNT_LIMIT, LOGIN_CLIENT_LIMIT } = env();
  perAccount ??= createLimiter({
    name: "login-account",
    limit: LOGIN_ACCOUNT_LIMIT,
    windowSeconds: LOGIN_WINDOW_SECONDS,
  });
  perClient ??= createLimiter({
    name: "login-client",
    limit: LOGIN_CLIENT_LIMIT,
    windowSeconds: LOGIN_WINDOW_SECONDS,
  });
  const client = await perClient.limit(address);
  if (!client.success) {
    refuse(
      client,
      "login-client",
      `Your address made more than ${client.limit} login attempts in 15 minutes.`,
    );
  }
  const accountLimit = await perAccount.limit(`${sandboxId}:${normalizeEmail(email)}`);
  if (!accountLimit.success) {
    refuse(
      accountLimit,
      "login-account",
      `More than ${accountLimit.limit} login attempts for this email in 15 minutes.`,
    );
  }
}
// #endregion
