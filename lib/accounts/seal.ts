import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./secret";

/**
 * An account's sandbox key, encrypted (AES-256-GCM) with a key derived from AUTH_SECRET. The
 * database alone never gives a key away; with the secret, signing in on another device can hand
 * that browser the same key, so one sandbox follows the learner everywhere.
 */
const VERSION = "v1";

function sealingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "", "bmj sandbox key seal v1", 32));
}

export function sealKey(key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const body = Buffer.concat([cipher.update(key, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url")].join(".");
}

/** The key, or undefined when it was sealed with another secret (or is not a seal at all). */
export function unsealKey(sealed: string): string | undefined {
  const [version, iv, body] = sealed.split(".");
  if (version !== VERSION || !iv || !body) return undefined;
  try {
    const bytes = Buffer.from(body, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - 16)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return undefined;
  }
}
