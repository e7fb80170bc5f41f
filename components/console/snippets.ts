import { SESSION_PATH } from "@/lib/authn-and-authz/names";
import { findHeader, isJsonType, type PreparedRequest } from "./request";

export const SANDBOX_KEY_HEADER = "X-Sandbox-Key";
const KEY_PLACEHOLDER = "<your sandbox key from /sandbox>";

/** Quotes `text` for POSIX shells: single quotes, with each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The headers a request sent from outside the browser needs: the browser's cookie becomes the
 * `X-Sandbox-Key` header, unless the learner already set one.
 */
export function snippetHeaders(
  request: PreparedRequest,
  sandboxKey: string | null | undefined,
): [string, string][] {
  if (findHeader(request.headers, SANDBOX_KEY_HEADER) !== undefined) return request.headers;
  return [...request.headers, [SANDBOX_KEY_HEADER, sandboxKey || KEY_PLACEHOLDER]];
}

/** `curl -i` for the request, one option per line. HEAD uses `-I` so curl does not wait for a body. */
export function toCurl(
  request: PreparedRequest,
  origin: string,
  sandboxKey?: string | null,
): string {
  const url = new URL(request.url, origin).toString();
  const { method } = request;
  const first =
    method === "HEAD"
      ? `curl -I ${shellQuote(url)}`
      : method === "GET"
        ? `curl -i ${shellQuote(url)}`
        : `curl -i -X ${method} ${shellQuote(url)}`;
  const lines = [first];
  // The sessions lesson's cookie lives in a cookie jar file: -b sends it, -c keeps what is set.
  if (new URL(url).pathname.startsWith(SESSION_PATH)) lines.push("-b jar.txt -c jar.txt");
  for (const [name, value] of snippetHeaders(request, sandboxKey)) {
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.form) {
    // curl encodes the value of `name=value` itself (and joins the fields with &); a name curl
    // would not encode as is goes already encoded.
    for (const [name, value] of request.form) {
      const safe = /^[A-Za-z0-9._~-]+$/.test(name) ? name : encodeURIComponent(name);
      lines.push(`--data-urlencode ${shellQuote(`${safe}=${value}`)}`);
    }
  } else if (request.body !== null) lines.push(`--data-raw ${shellQuote(request.body)}`);
  return lines.join(" \\\n  ");
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** A `fetch` call for the request, runnable in Node 18+ or a browser console. */
export function toFetch(
  request: PreparedRequest,
  origin: string,
  sandboxKey?: string | null,
): string {
  const url = new URL(request.url, origin).toString();
  const merged = new Map<string, [string, string]>();
  for (const [name, value] of snippetHeaders(request, sandboxKey)) {
    const seen = merged.get(name.toLowerCase());
    merged.set(name.toLowerCase(), seen ? [seen[0], `${seen[1]}, ${value}`] : [name, value]);
  }
  const options: string[] = [];
  if (request.method !== "GET") options.push(`method: ${JSON.stringify(request.method)},`);
  if (merged.size > 0) {
    const lines = [...merged.values()].map(
      ([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`,
    );
    options.push(`headers: {\n${lines.join("\n")}\n  },`);
  }
  if (request.form) {
    // fetch encodes URLSearchParams as application/x-www-form-urlencoded itself.
    const pairs = request.form.map(([k, v]) => `    [${JSON.stringify(k)}, ${JSON.stringify(v)}],`);
    options.push(`body: new URLSearchParams([\n${pairs.join("\n")}\n  ]),`);
  } else if (request.body !== null) {
    const contentType = findHeader(request.headers, "content-type");
    let body = JSON.stringify(request.body);
    if (isJsonType(contentType)) {
      try {
        body = `JSON.stringify(${indent(JSON.stringify(JSON.parse(request.body), null, 2), "  ")})`;
      } catch {
        // Not JSON after all: send the text as it is.
      }
    }
    options.push(`body: ${body},`);
  }
  const call =
    options.length > 0
      ? `await fetch(${JSON.stringify(url)}, {\n  ${options.join("\n  ")}\n})`
      : `await fetch(${JSON.stringify(url)})`;
  return [
    `const res = ${call};`,
    `console.log(res.status, res.headers.get("server-timing"));`,
    `console.log(await res.text());`,
  ].join("\n");
}
