import { STATUS_CODES } from "node:http";
import { REASON_PHRASES } from "@/lib/http/reasons";

/** One line on what each common status tells the client. */
const MEANING: Record<number, string> = {
  200: "It worked; the body is the result.",
  201: "A new resource was created; Location says where it lives.",
  202: "Accepted for processing later; not done yet.",
  204: "It worked and there is nothing to send back: no body.",
  301: "Moved for good; update your links to Location.",
  302: "Found elsewhere for now; follow Location this time.",
  304: "Your cached copy is still good: no body.",
  307: "Temporarily elsewhere; repeat the same method at Location.",
  308: "Moved for good; repeat the same method at Location.",
  400: "The server could not read the request (malformed syntax).",
  401: "Who are you? Send credentials.",
  403: "I know who you are, and you may not do this.",
  404: "Nothing lives at this URL.",
  405: "This URL exists but does not support that method; see Allow.",
  406: "No representation matches your Accept header.",
  409: "The request conflicts with the resource's current state.",
  410: "It was here, and it is gone for good.",
  412: "A precondition you sent (If-Match) does not hold any more.",
  413: "The body is larger than the server accepts.",
  415: "The body's Content-Type is not one the server reads.",
  418: "I'm a teapot: an April Fools' joke from 1998 that stuck (RFC 2324).",
  422: "The body parsed, but its fields are invalid.",
  429: "Slow down: you sent too many requests; see Retry-After.",
  500: "The server failed; not your fault.",
  501: "The server does not implement this.",
  502: "A server upstream answered badly.",
  503: "Unavailable for now (overload or maintenance); see Retry-After.",
  504: "A server upstream did not answer in time.",
};

export function reasonPhrase(status: number): string {
  return REASON_PHRASES[status] ?? STATUS_CODES[status] ?? "Unknown status";
}

export function statusMeaning(status: number): string {
  const cls = Math.floor(status / 100);
  return (
    MEANING[status] ??
    {
      2: "Success.",
      3: "Redirection.",
      4: "The client's request is at fault.",
      5: "The server is at fault.",
    }[cls] ??
    ""
  );
}

/** Headers that belong with a status, so the demo answer is a faithful one. */
export function statusHeaders(status: number): Record<string, string> {
  if (status === 401) return { "www-authenticate": 'Bearer realm="sandbox"' };
  if (status === 405) return { allow: "GET, HEAD, OPTIONS" };
  if (status === 429 || status === 503) return { "retry-after": "30" };
  return {};
}

/** Statuses that must not carry a body. */
export function isBodyless(status: number): boolean {
  return status === 204 || status === 205 || status === 304;
}
