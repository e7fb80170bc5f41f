import { getToken } from "next-auth/jwt";
import { isHttps } from "@/lib/http/client";
import { authSecret } from "./secret";
import { findUser, type PortalUser } from "./users";

/** The session cookie's name: Auth.js's, with the __Secure- prefix over HTTPS. */
export function sessionCookieName(https: boolean): string {
  return `${https ? "__Secure-" : ""}authjs.session-token`;
}

/** A Request carrying these headers, for the helpers that read the client's address and scheme. */
export function requestWith(headers: Headers): Request {
  return new Request("http://localhost/", { headers });
}

/**
 * The signed-in user of a request, from its session cookie (an encrypted JWT) and the database:
 * a deleted user's session is no session. Only the cookie is read, never an Authorization header.
 */
export async function signedInUser(headers: Headers): Promise<PortalUser | undefined> {
  const cookie = headers.get("cookie");
  if (!cookie?.includes("authjs.session-token")) return undefined;
  const https = isHttps(requestWith(headers));
  const token = await getToken({
    req: { headers: new Headers({ cookie }) },
    secret: authSecret(),
    secureCookie: https,
    salt: sessionCookieName(https),
  });
  return typeof token?.sub === "string" ? findUser({ id: token.sub }) : undefined;
}
