/** What the sign-in page says for an Auth.js error (`?error=…&code=…` or a thrown error). */
export function signInProblem(error: string | undefined, code?: string): string | undefined {
  if (!error) return undefined;
  if (error === "CredentialsSignin") {
    return code === "rate_limited"
      ? "Too many sign-in attempts from your address or for this email. Wait 15 minutes, then try again."
      : WRONG_CREDENTIALS;
  }
  if (error === "OAuthAccountNotLinked") {
    return "This email already has an account here. Sign in with its password; GitHub sign-in is for accounts made with GitHub.";
  }
  if (error === "AccessDenied") return "Sign-in was cancelled or refused.";
  return "Sign-in did not work this time. Try again.";
}

/** What a sign-in, sign-up or account form says while the database cannot be reached. */
export const DATABASE_DOWN =
  "The database is not answering right now, so nothing was done. Try again in a few seconds.";

/** The one answer to an unknown email, an account without a password and a wrong password. */
export const WRONG_CREDENTIALS = "That email and password do not match an account.";

/** A path on this site to return to after signing in (never another site, never //host). */
export function returnPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || !/^\/(?![/\\])/.test(value) || value.length > 500)
    return fallback;
  if (value.startsWith("/signin") || value.startsWith("/signup")) return fallback;
  return value;
}
