import type { Tab } from "./editor-parts";
import { type Draft, methodHasBody, rowsOf, splitPath } from "./request";

/** What a lesson passes to `<Console>`: a request to start from, and a caption. */
export type ConsoleRequest = {
  /** The example's name in its lesson, so later consoles can use headers of its response. */
  name?: string;
  method?: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  title?: string;
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
}: ConsoleRequest): Draft {
  const split = splitPath(path);
  return {
    method: method.toUpperCase(),
    path: split.path,
    query: [...split.query, ...rowsOf(query)],
    headers: rowsOf(headers),
    body: body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body, null, 2),
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
