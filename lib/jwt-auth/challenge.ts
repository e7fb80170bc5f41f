/**
 * `WWW-Authenticate: Bearer …` (RFC 6750 §3). Without an error code when the request carried no
 * token at all; with `error` and `error_description` when it carried a bad one.
 */
export const BEARER_REALM = "sandbox";

export type BearerError = "invalid_request" | "invalid_token" | "insufficient_scope";

/** error_description may hold printable ASCII except `"` and `\` (RFC 6750 §3). */
function quotable(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "'");
}

export function bearerChallenge(error?: {
  code: BearerError;
  description: string;
}): Record<string, string> {
  const parts = [`Bearer realm="${BEARER_REALM}"`];
  if (error) {
    parts.push(`error="${error.code}"`, `error_description="${quotable(error.description)}"`);
  }
  return { "www-authenticate": parts.join(", ") };
}
