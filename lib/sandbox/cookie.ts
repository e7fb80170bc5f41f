import { isHttps } from "@/lib/http/client";
import { SANDBOX_COOKIE } from "./keys";

const YEAR = 31_536_000;

/** The browser's copy of the key: httpOnly (no script reads it), SameSite=Lax, a year long. */
export function sandboxCookie(req: Request, key: string): string {
  const secure = isHttps(req) ? "; Secure" : "";
  return `${SANDBOX_COOKIE}=${key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${YEAR}${secure}`;
}

/** Removes the browser's copy (signing out: the next person at this browser starts afresh). */
export function clearedSandboxCookie(req: Request): string {
  const secure = isHttps(req) ? "; Secure" : "";
  return `${SANDBOX_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

/** The same cookie as options, for `cookies().set` in server actions. */
export function sandboxCookieOptions(req: Request, key: string | null) {
  return {
    name: SANDBOX_COOKIE,
    value: key ?? "",
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    maxAge: key === null ? 0 : YEAR,
    secure: isHttps(req),
  };
}
