import { createHash, randomBytes } from "node:crypto";

/** Header that curl and scripts send the sandbox key in. */
export const SANDBOX_HEADER = "x-sandbox-key";
/** httpOnly cookie that browsers carry the same key in. */
export const SANDBOX_COOKIE = "bmj_sandbox";

const KEY_FORMAT = /^sbx_[A-Za-z0-9_-]{43}$/;

export function newSandboxKey(): string {
  return `sbx_${randomBytes(32).toString("base64url")}`;
}

export function isSandboxKeyFormat(key: string): boolean {
  return KEY_FORMAT.test(key);
}

export function hashSandboxKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** The key a request presents, and where: the header wins over the cookie. */
export function presentedKey(req: {
  headers: Headers;
  cookies: { get(name: string): { value: string } | undefined };
}): { key: string; from: "header" | "cookie" } | undefined {
  const header = req.headers.get(SANDBOX_HEADER)?.trim();
  if (header) return { key: header, from: "header" };
  const cookie = req.cookies.get(SANDBOX_COOKIE)?.value;
  return cookie ? { key: cookie, from: "cookie" } : undefined;
}
