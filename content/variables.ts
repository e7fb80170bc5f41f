/**
 * Variables: values a request cannot know ahead of time (an access token is new for every login,
 * an ETag for every write), saved from an earlier response under a name and written into later
 * requests as `{{name}}`. The request consoles and the tests that replay the lessons' examples
 * both fill them with these functions, so a replay threads them exactly as a learner's page does.
 *
 * No dependencies: this module ships in the console's chunk.
 */

/** A variable's name: a letter or `_`, then letters, digits and `_` (`accessToken`, `todo2Etag`). */
export const VARIABLE_NAME = /^[A-Za-z_]\w{0,63}$/;

/** `{{name}}` in a request's text; spaces inside the braces are allowed. */
const USE = /\{\{\s*([A-Za-z_]\w{0,63})\s*\}\}/g;

/**
 * Where a capture reads its value in a response: `body.accessToken` (a field of the JSON body,
 * dotted for nested ones: `body.algNone.token`) or `header.etag` (a response header).
 */
export const CAPTURE_FROM = /^(?:body(?:\.[\w-]+)+|header\.[A-Za-z0-9-]+)$/;

/** The names a text uses, each once, in order. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(USE)].map((m) => m[1] ?? ""))];
}

/**
 * `text` with each `{{name}}` replaced by `lookup(name)`; a name it has no value for stays as
 * written and is listed in `missing`.
 */
export function fillVariables(
  text: string,
  lookup: (name: string) => string | undefined,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(USE, (whole, name: string) => {
    const value = lookup(name);
    if (value === undefined) missing.add(name);
    return value ?? whole;
  });
  return { text: filled, missing: [...missing] };
}

/** What a capture may read of a response: its headers (by name, any case) and its JSON body. */
export type SeenResponse = {
  header(name: string): string | null | undefined;
  /** The parsed body when it was JSON, else undefined. */
  body?: unknown;
};

/** The value `from` (`body.accessToken`, `header.etag`) names in a response; undefined if none. */
export function valueAt(response: SeenResponse, from: string): string | undefined {
  if (from.startsWith("header.")) return response.header(from.slice("header.".length)) ?? undefined;
  if (!from.startsWith("body.")) return undefined;
  let value: unknown = response.body;
  for (const key of from.slice("body.".length).split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** Reads a response as `SeenResponse`: headers as pairs, the body as text (parsed when JSON). */
export function seenResponse(headers: Iterable<[string, string]>, body: string): SeenResponse {
  const byName = new Map([...headers].map(([k, v]) => [k.toLowerCase(), v]));
  let json: unknown;
  if (body && /[/+]json\b/i.test(byName.get("content-type") ?? "")) {
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
  }
  return { header: (name) => byName.get(name.toLowerCase()), body: json };
}

/** The values a request's `captures` (name → where) find in its response; absent ones skipped. */
export function captureValues(
  captures: Readonly<Record<string, string>> | undefined,
  response: SeenResponse,
): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, from] of Object.entries(captures ?? {})) {
    const value = valueAt(response, from);
    if (value !== undefined) out.push([name, value]);
  }
  return out;
}
