import { createHash } from "node:crypto";
import { HttpProblem } from "@/lib/http/problem";
import { IDEMPOTENCY_KEY } from "./contract";
import type { PlaceOrderBody } from "./schemas";

export const MAX_KEY_LENGTH = 255;

const invalid = (message: string) =>
  new HttpProblem("validation", `Invalid header Idempotency-Key: it ${message}.`, {
    errors: [{ in: "header", field: "Idempotency-Key", message }],
  });

/**
 * The request's Idempotency-Key, if it sent one. The draft (draft-ietf-httpapi-idempotency-key-
 * header) makes it a Structured Field String, `"…"` in quotes (RFC 8941 §3.3.3); Stripe and most
 * clients send it bare. Both are read, to the same key.
 */
export function idempotencyKeyOf(req: Request): string | undefined {
  const raw = req.headers.get(IDEMPOTENCY_KEY)?.trim();
  if (raw === undefined) return undefined;
  let key = raw;
  if (raw.startsWith('"')) {
    const match = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/.exec(raw);
    if (!match) {
      throw invalid(
        'must be one string: printable ASCII in double quotes, with " and \\ escaped by a backslash',
      );
    }
    key = (match[1] ?? "").replace(/\\(["\\])/g, "$1");
  } else if (!/^[\x21-\x7e]*$/.test(raw)) {
    throw invalid("must be printable ASCII without spaces, or a string in double quotes");
  }
  if (key.length === 0) throw invalid("must not be empty");
  if (key.length > MAX_KEY_LENGTH) throw invalid(`must be at most ${MAX_KEY_LENGTH} characters`);
  return key;
}

// #region fingerprint
/**
 * What the key was sent with, as a SHA-256: the same key with a different request is a client
 * bug, refused with 422. Items are sorted first, since their order changes nothing.
 */
export function requestHash(body: PlaceOrderBody): string {
  const canonical = body.items
    ? { items: [...body.items].sort((a, b) => a.productId - b.productId) }
    : { fromCart: true };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
// #endregion
