import type { Example } from "@/content/examples";
import { reasonPhrase } from "./format";
import { type Draft, findHeader, isJsonType, type KeyValue, methodHasBody } from "./request";

/**
 * What a lesson says its request answers on a fresh sandbox, compared with what the learner's
 * sandbox answered, in plain words. Matching follows e2e/lesson-examples.spec.ts, which replays
 * every example: the status equals, each listed header is there (containing its text, any case),
 * and the body matches like `toMatchObject` (listed fields equal, arrays item by item).
 */

export type Expectation = Example["expect"];

export type Answer = { status: number; headers: [string, string][]; body: string };

/** One difference: where (Status, Header location, Body id), what the lesson shows, what came. */
export type Difference = { where: string; expected: string; got: string };

const MAX_TEXT = 60;

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function statusText(status: number): string {
  const reason = reasonPhrase(status);
  return reason ? `${status} ${reason}` : String(status);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const join = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function items(n: number): string {
  return n === 1 ? "1 item" : `${n} items`;
}

/** Where `actual` does not match `expected` (toMatchObject's rules), by field path. */
function bodyDifferences(expected: unknown, actual: unknown, path: string, out: Difference[]) {
  const where = path ? `Body ${path}` : "Body";
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ where, expected: items(expected.length), got: show(actual) });
    } else if (actual.length !== expected.length) {
      out.push({ where, expected: items(expected.length), got: items(actual.length) });
    } else {
      expected.forEach((item, i) => {
        bodyDifferences(item, actual[i], join(path, i), out);
      });
    }
    return;
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) {
      out.push({ where, expected: "an object", got: show(actual) });
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, key)) {
        out.push({ where: `Body ${join(path, key)}`, expected: show(value), got: "missing" });
      } else {
        bodyDifferences(value, actual[key], join(path, key), out);
      }
    }
    return;
  }
  if (!Object.is(expected, actual))
    out.push({ where, expected: show(expected), got: show(actual) });
}

/**
 * The differences between the lesson's expected answer and the one that came, most telling
 * first. A different status says it all (the body then differs too, as a matter of course).
 */
export function describeDifferences(expect: Expectation, answer: Answer): Difference[] {
  if (answer.status !== expect.status) {
    return [
      { where: "Status", expected: statusText(expect.status), got: statusText(answer.status) },
    ];
  }
  const out: Difference[] = [];
  for (const [name, wanted] of Object.entries(expect.headers ?? {})) {
    const value = findHeader(answer.headers, name);
    const where = `Header ${name}`;
    if (value === undefined) {
      out.push({ where, expected: wanted === true ? "present" : show(wanted), got: "missing" });
    } else if (typeof wanted === "string" && !value.toLowerCase().includes(wanted.toLowerCase())) {
      out.push({ where, expected: `containing ${show(wanted)}`, got: show(value) });
    }
  }
  if (expect.body === undefined) return out;
  if (typeof expect.body === "string") {
    if (!answer.body.includes(expect.body))
      out.push({
        where: "Body",
        expected: `containing ${show(expect.body)}`,
        got: show(answer.body),
      });
    return out;
  }
  let json: unknown;
  try {
    if (!isJsonType(findHeader(answer.headers, "content-type"))) throw new Error("not JSON");
    json = JSON.parse(answer.body);
  } catch {
    out.push({ where: "Body", expected: "JSON", got: answer.body ? "text" : "no body" });
    return out;
  }
  bodyDifferences(expect.body, json, "", out);
  return out;
}

/** The `detail` of a problem+json answer: the server's own words for what went wrong. */
export function problemDetail(answer: Answer): string | null {
  if (!/problem\+json/i.test(findHeader(answer.headers, "content-type") ?? "")) return null;
  try {
    const detail = (JSON.parse(answer.body) as { detail?: unknown }).detail;
    return typeof detail === "string" ? detail : null;
  } catch {
    return null;
  }
}

/** Why the answer likely differs, in a sentence; and whether a fresh sandbox would fix it. */
export function likelyReason(answer: Answer): { text: string; sandbox: boolean } {
  if (answer.status === 429) {
    return {
      text: "A rate limit refused this request: your sandbox's, or the limit the lesson is about (the server's words above say which). Wait for the time in Retry-After, then send again.",
      sandbox: false,
    };
  }
  if (answer.status >= 500) {
    return { text: "The server failed on this request. Try again in a moment.", sandbox: false };
  }
  return {
    text: "Your sandbox has changed since a fresh start (a step sent twice, data you changed yourself), or the steps before this one have not run in it yet. The lesson's answers assume a fresh sandbox and its steps in order.",
    sandbox: true,
  };
}

/** Headers a page's fetch cannot set: the browser drops them, so the answer cannot be the lesson's. */
const BROWSER_FORBIDDEN =
  /^(origin|host|referer|cookie|connection|content-length|date|dnt|expect|keep-alive|te|trailer|transfer-encoding|upgrade|via|access-control-request-.*|proxy-.*|sec-.*)$/i;

/** The named rows as `name=value` strings; header names in lower case (they are caseless). */
function pairs(rows: readonly KeyValue[], caseless: boolean): string[] {
  return rows
    .filter((r) => r.key.trim())
    .map((r) => {
      const key = r.key.trim();
      return `${caseless ? key.toLowerCase() : key}=${r.value.trim()}`;
    });
}

function sameRows(a: readonly KeyValue[], b: readonly KeyValue[], caseless: boolean): boolean {
  return JSON.stringify(pairs(a, caseless)) === JSON.stringify(pairs(b, caseless));
}

function sameBody(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a.trim() === b.trim();
  }
}

/** Whether a page can send this request as written (no header the browser drops). */
export function browserCanSend(draft: Draft): boolean {
  return !draft.headers.some((h) => BROWSER_FORBIDDEN.test(h.key.trim()));
}

/**
 * Whether the learner sent the lesson's own request, so its answer should be the lesson's: the
 * same method, path, query, headers and body (JSON compared by value), and nothing the browser
 * refuses to send. An edited request is the learner's experiment: no comparison.
 */
export function isLessonRequest(sent: Draft, lesson: Draft): boolean {
  if (sent.method !== lesson.method || sent.path.trim() !== lesson.path.trim()) return false;
  if (!browserCanSend(lesson)) return false;
  if (!sameRows(sent.query, lesson.query, false) || !sameRows(sent.headers, lesson.headers, true))
    return false;
  if (!methodHasBody(sent.method)) return true;
  if (sent.bodyType !== lesson.bodyType) return false;
  return sent.bodyType === "form"
    ? sameRows(sent.form, lesson.form, false)
    : sameBody(sent.body, lesson.body);
}
