import { NextRequest } from "next/server";
import { expect } from "vitest";
import {
  PROBLEM_CONTENT_TYPE,
  type ProblemBody,
  type ProblemKind,
  problemKinds,
} from "@/lib/http/problem";
import { problemTypeFor } from "@/lib/lessons/problem-types";
import { SANDBOX_HEADER } from "@/lib/sandbox/keys";

type Route<P> = (req: NextRequest, route: { params: Promise<P> }) => Promise<Response>;

export const ORIGIN = "http://bmj.test";

export type CallOptions = {
  method?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /**
   * Sent as JSON unless it is a string (then sent as is); both default to Content-Type
   * application/json. Bytes are sent as is with no Content-Type unless `headers` gives one.
   */
  body?: unknown;
  /** The sandbox key to send in X-Sandbox-Key. */
  key?: string;
  /** Aborts the request, as a client that goes away does. */
  signal?: AbortSignal;
};

/** Calls a route handler in-process the way Next would, with a real Request. */
export async function call<P>(
  route: Route<P>,
  path: string,
  params: P,
  options: CallOptions = {},
): Promise<Response> {
  const url = new URL(path, ORIGIN);
  for (const [name, value] of Object.entries(options.query ?? {}))
    url.searchParams.set(name, value);
  const headers = new Headers(options.headers);
  // Every HTTP/1.1 client names the host it reached; links in answers are built from it.
  if (!headers.has("host")) headers.set("host", url.host);
  if (options.key) headers.set(SANDBOX_HEADER, options.key);
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (options.body instanceof Uint8Array) {
    body = new Uint8Array(options.body);
  } else if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new NextRequest(url, {
    method: options.method ?? "GET",
    headers,
    body,
    signal: options.signal,
  });
  return route(req, { params: Promise.resolve(params) });
}

/** A client address no other test uses, so the per-address sandbox creation limit never bites. */
export function randomAddress(): string {
  const byte = () => Math.floor(Math.random() * 256);
  return `10.${byte()}.${byte()}.${byte()}`;
}

/** A fresh sandbox, created the way curl gets one: `POST /api/sandbox` without a key. */
export async function newSandboxKey(): Promise<string> {
  const { POST: createSandbox } = await import("@/app/api/sandbox/route");
  const res = await call(
    createSandbox,
    "/api/sandbox",
    {},
    { method: "POST", headers: { "x-forwarded-for": randomAddress() } },
  );
  const key = res.headers.get(SANDBOX_HEADER);
  if (res.status !== 201 || !key) throw new Error(`could not create a sandbox: ${res.status}`);
  return key;
}

/** The `type` a problem of this kind carries when served from ORIGIN. */
export const typeOf = (kind: ProblemKind) => problemTypeFor(kind, ORIGIN);

export type Problem = ProblemBody;

/**
 * Asserts that `res` is the problem+json of `kind` a client would get: status, content type,
 * `type`, `title`, the request id, and nothing of the server's insides (stack lines, SQL).
 * With `fields`, the `errors` list must name exactly those fields.
 */
export async function expectProblem(
  res: Response,
  kind: ProblemKind,
  fields?: string[],
): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(problemKinds[kind].status);
  expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
  const body = JSON.parse(text) as Problem;
  expect(body).toMatchObject({
    type: typeOf(kind),
    title: problemKinds[kind].title,
    status: problemKinds[kind].status,
    requestId: res.headers.get("x-request-id"),
  });
  expect(body.detail).toEqual(expect.any(String));
  expectNoInternals(text);
  if (fields)
    expect([...new Set(body.errors?.map((e) => e.field))].sort()).toEqual([...fields].sort());
  return body;
}

/** No stack frames, SQL or driver messages in what a client reads. */
export function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/\bat .+\(.*:\d+:\d+\)|\n\s+at /);
  expect(text).not.toMatch(/\b(select|insert)\b/i);
  expect(text).not.toMatch(/postgres|pglite|drizzle|violates|constraint/i);
}

/** The pipeline headers every lesson API response carries. */
export function expectPipelineHeaders(res: Response): void {
  expect(res.headers.get("x-request-id")).toMatch(/^[\w.:-]{1,64}$/);
  expect(res.headers.get("server-timing")).toMatch(/(^|, )total;dur=\d+(\.\d+)?$/);
}

/** Link header `<url>; rel="x"` entries as { rel: url }. */
export function linksOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of res.headers.get("link")?.split(/,\s*(?=<)/) ?? []) {
    const match = /^<([^>]*)>;\s*rel="([^"]+)"$/.exec(part.trim());
    if (match?.[1] !== undefined && match[2]) out[match[2]] = match[1];
  }
  return out;
}
