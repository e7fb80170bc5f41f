import { STATUS_CODES } from "node:http";
import { PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { REASON_PHRASES } from "@/lib/http/reasons";

/** One line on what each common status tells the client. */
const MEANING: Record<number, string> = {
  200: "It worked; the body is the result.",
  201: "A new resource was created; Location says where it lives.",
  202: "Accepted for processing later; not done yet.",
  204: "It worked and there is nothing to send back: no body.",
  206: "Here is part of the representation; Content-Range says which part.",
  301: "Moved for good; update your links to Location (a POST may turn into a GET).",
  302: "Found elsewhere for now; follow Location this time (a POST may turn into a GET).",
  303: "See Other: GET the answer at Location.",
  304: "Your cached copy is still good: no body.",
  307: "Temporarily elsewhere; repeat the same method at Location.",
  308: "Moved for good; repeat the same method at Location.",
  400: "The server could not read the request (malformed syntax).",
  401: "Who are you? Send credentials.",
  403: "I know who you are, and you may not do this.",
  404: "Nothing lives at this URL.",
  405: "This URL exists but does not support that method; see Allow.",
  406: "No representation matches your Accept header.",
  407: "Authenticate with the proxy first; see Proxy-Authenticate.",
  408: "The server gave up waiting for the rest of your request; you may send it again.",
  409: "The request conflicts with the resource's current state.",
  410: "It was here, and it is gone for good.",
  412: "A precondition you sent (If-Match) does not hold any more.",
  413: "The body is larger than the server accepts.",
  415: "The body's Content-Type is not one the server reads.",
  416: "The Range you asked for is outside the representation; Content-Range gives its length.",
  418: "I'm a teapot: an April Fools' joke from 1998 (RFC 2324); RFC 9110 reserves 418 so nothing else takes it.",
  422: "The body parsed, but its fields are invalid.",
  425: "Too early: send it again once the TLS handshake has finished.",
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

/**
 * Where the demo's 201 and redirects point: the echo, which shows how the client followed
 * (a 303 arrives there as GET; a 307 or 308 would keep the method and body).
 */
export function statusLocation(status: number): string {
  return `/api/v1/http/echo?from=${status}`;
}

/** The methods /status/{code} answers, as its Allow header lists them. */
export const STATUS_ALLOW = "GET, HEAD, OPTIONS";

/**
 * Seconds a demo 429 asks the client to wait: one window of the sandbox's request limit, so it
 * never points earlier than the reset (t) in the RateLimit field of the same answer
 * (draft-ietf-httpapi-ratelimit-headers-10 §6).
 */
export const DEMO_RETRY_AFTER_SECONDS = 60;

const REDIRECTS_WITH_LOCATION = new Set([301, 302, 303, 307, 308]);

/** What a 2xx or 3xx from /status/{code} sends: the code described. */
export function describeStatus(status: number) {
  return { status, reason: reasonPhrase(status), meaning: statusMeaning(status) };
}

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

/**
 * Headers that RFC 9110 requires (MUST) or expects (SHOULD) with a status, so each demo answer is
 * a faithful one. `now` dates the 503's Retry-After, which uses the HTTP-date form.
 */
export function statusHeaders(status: number, now = Date.now()): Record<string, string> {
  // §15.3.2 201 and §15.4 redirects: Location says where.
  if (status === 201 || REDIRECTS_WITH_LOCATION.has(status)) {
    return { location: statusLocation(status) };
  }
  // §15.3.7: a single-part 206 MUST say which part it carries; here, all of it.
  if (status === 206) {
    const length = byteLength(JSON.stringify(describeStatus(206)));
    return { "content-range": `bytes 0-${length - 1}/${length}` };
  }
  // §15.5.17: a 416 SHOULD state the representation's current length.
  if (status === 416) {
    return { "content-range": `bytes */${byteLength(JSON.stringify(describeStatus(416)))}` };
  }
  // §15.5.2 and §15.5.8: a challenge the client can answer, MUST.
  if (status === 401) return { "www-authenticate": 'Bearer realm="sandbox"' };
  if (status === 407) return { "proxy-authenticate": 'Basic realm="proxy"' };
  // §15.5.6: Allow MUST list what the resource supports.
  if (status === 405) return { allow: STATUS_ALLOW };
  // §10.2.3 Retry-After, in both of its forms: delay-seconds and an HTTP-date.
  if (status === 429) return { "retry-after": String(DEMO_RETRY_AFTER_SECONDS) };
  if (status === 503) return { "retry-after": new Date(now + 120_000).toUTCString() };
  return {};
}

/** Statuses that must not carry a body. */
export function isBodyless(status: number): boolean {
  return status === 204 || status === 205 || status === 304;
}

/**
 * The whole answer of GET /api/v1/http/status/{code}: the status asked for, the headers it
 * requires (statusHeaders), and a body fit for it. 204, 205 and 304 (and any HEAD) have none; a
 * 2xx or 3xx describes the code as JSON; a 4xx or 5xx is a problem of type "about:blank", the
 * RFC 9457 §4.2.1 type for a problem that means no more than its status, so its title is the
 * status's reason phrase.
 */
export function statusResponse(
  code: number,
  at: { method: string; path: string; requestId: string; now?: number },
): Response {
  const headers = new Headers(statusHeaders(code, at.now));
  if (isBodyless(code)) return new Response(null, { status: code, headers });
  // HEAD gets the headers GET would get, Content-Type included, and no body.
  const body = (value: unknown) => (at.method === "HEAD" ? null : JSON.stringify(value));
  if (code >= 400) {
    headers.set("content-type", PROBLEM_CONTENT_TYPE);
    const problem = {
      type: "about:blank",
      title: reasonPhrase(code),
      status: code,
      detail: `You asked for ${code}. ${statusMeaning(code)}`,
      instance: at.path,
      requestId: at.requestId,
    };
    return new Response(body(problem), { status: code, headers });
  }
  headers.set("content-type", "application/json");
  return new Response(body(describeStatus(code)), { status: code, headers });
}
