import { isHttps } from "@/lib/http/client";
import { SESSION_COOKIE, SESSION_PATH } from "./names";

export { CSRF_HEADER, SESSION_COOKIE, SESSION_PATH } from "./names";

// #region cookie
/**
 * The session cookie (RFC 6265bis §4.1.2): HttpOnly, so no page script can read it;
 * SameSite=Lax, so other sites' forms and scripts cannot make the browser send it
 * with their POSTs; scoped to SESSION_PATH; Secure whenever the site is reached
 * over HTTPS; and Max-Age the session's remaining absolute lifetime, after which
 * the browser forgets it (the server refuses it anyway).
 */
export function sessionCookie(req: Request, token: string, maxAgeSeconds: number): string {
  const attributes = [
    `Path=${SESSION_PATH}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (isHttps(req)) attributes.push("Secure");
  return [`${SESSION_COOKIE}=${token}`, ...attributes].join("; ");
}
// #endregion

/** Tells the browser to forget the cookie (logout): the same name and path, Max-Age=0. */
export function clearedSessionCookie(req: Request): string {
  return sessionCookie(req, "", 0);
}

/**
 * `WWW-Authenticate` for a 401 without a valid session. RFC 9110 §15.5.2 requires a challenge on
 * every 401, and no authentication scheme for cookies is registered with IANA; this uses the one
 * an expired Internet-Draft proposed (draft-broyer-http-cookie-auth): `Cookie`, with the form to
 * log in at and the cookie that login sets. Clients that do not know a scheme ignore it (and
 * browsers show no password dialog for it, as they would for Basic).
 */
export function cookieChallenge(): Record<string, string> {
  return {
    "www-authenticate": `Cookie realm="sessions", form-action="${SESSION_PATH}/login", cookie-name="${SESSION_COOKIE}"`,
  };
}
