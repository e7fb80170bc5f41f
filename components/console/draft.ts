import type { Tab } from "./editor-parts";
import type { Expectation } from "./expect";
import {
  type BodyType,
  type Draft,
  FORM_TYPE,
  findHeader,
  isJsonType,
  methodHasBody,
  rowsOf,
  splitPath,
} from "./request";

/** What a lesson passes to `<Console>`: a request to start from, and a caption. */
export type ConsoleRequest = {
  /** The example's name in its lesson, so the page can tell its steps apart. */
  name?: string;
  method?: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Form fields, sent as `application/x-www-form-urlencoded` instead of a body. */
  form?: Record<string, string>;
  /** Values of its response saved as `{{variables}}` for later requests (see content/variables.ts). */
  captures?: Record<string, string>;
  title?: string;
  /** What the lesson says it answers on a fresh sandbox; the console compares its answers. */
  expect?: Expectation;
};

/** A console's heading level: one below the lesson heading it sits under. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export const DEFAULT_HEADING_LEVEL: HeadingLevel = 3;

export function headingLevelOf(level: unknown): HeadingLevel {
  const n = Number(level);
  return Number.isInteger(n) && n >= 2 && n <= 6 ? (n as HeadingLevel) : DEFAULT_HEADING_LEVEL;
}

export function initialDraft({
  method = "GET",
  path,
  query,
  headers,
  body,
  form,
}: ConsoleRequest): Draft {
  const split = splitPath(path);
  const headerRows = rowsOf(headers);
  const contentType = findHeader(Object.entries(headers ?? {}), "content-type");
  // A form says so in its Content-Type; a body whose Content-Type is not JSON is text, sent as is.
  if (form && contentType === undefined) headerRows.push(...rowsOf({ "Content-Type": FORM_TYPE }));
  const bodyType: BodyType = form
    ? "form"
    : contentType === undefined || isJsonType(contentType)
      ? "json"
      : "text";
  return {
    method: method.toUpperCase(),
    path: split.path,
    query: [...split.query, ...rowsOf(query)],
    headers: headerRows,
    bodyType,
    body: body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body, null, 2),
    form: rowsOf(form),
  };
}

export function initialTab(draft: Draft): Tab {
  return methodHasBody(draft.method) ? "body" : "params";
}

/** The text of the console's heading. */
export function headingText(request: ConsoleRequest): string {
  return request.title ?? "Try it live";
}

/** The console's accessible name (a page has many consoles; the request tells them apart). */
export function consoleLabel(request: ConsoleRequest): string {
  const { method = "GET", path } = request;
  return `Request console: ${request.title ?? `${method.toUpperCase()} ${path}`}`;
}
