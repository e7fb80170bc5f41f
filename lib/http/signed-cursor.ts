import { createHmac, timingSafeEqual } from "node:crypto";

const SIGNATURE_BYTES = 16;

/**
 * Opaque, tamper-evident cursors: base64url JSON of a value, a dot, and an HMAC-SHA256 (cut to
 * 128 bits) of it and the subject it was issued to (a sandbox). `key` gives the signing key, the
 * same on every instance. `open` answers undefined for anything it did not `seal` for that
 * subject: changed by hand, cut short, or issued to another subject.
 */
export function signedCursors(key: () => Buffer) {
  const sign = (subject: string, payload: string) =>
    createHmac("sha256", key())
      .update(`${subject}.${payload}`)
      .digest()
      .subarray(0, SIGNATURE_BYTES)
      .toString("base64url");

  return {
    seal(subject: string, value: unknown): string {
      const payload = Buffer.from(JSON.stringify(value)).toString("base64url");
      return `${payload}.${sign(subject, payload)}`;
    },
    open(subject: string, cursor: string): unknown {
      const [payload, signature, extra] = cursor.split(".");
      if (!payload || !signature || extra !== undefined) return undefined;
      // Compared as text: base64 decoding ignores a last character's spare bits, and a cursor
      // that differs from the one issued in any character is not that cursor.
      const given = Buffer.from(signature);
      const expected = Buffer.from(sign(subject, payload));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      } catch {
        return undefined;
      }
    },
  };
}

/** A key for one use of a site secret, distinct from every other use of it. */
export const derivedKey = (secret: string | Buffer, use: string) =>
  createHmac("sha256", secret).update(use).digest();
