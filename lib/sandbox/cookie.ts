import { isHttps } from "@/lib/http/client";
import { SANDBOX_COOKIE } from "./keys";

/** The browser's copy of the key: httpOnly (no script reads it), SameSite=Lax, a year long. */
export function sandboxCookie(req: Request, key: string): string {
  const secure = isHttps(req) ? "; Secure" : "";
  return `${SANDBOX_COOKIE}=${key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`;
}
