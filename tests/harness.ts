import { NextRequest } from "next/server";
import { SANDBOX_HEADER } from "@/lib/sandbox/keys";

type Route<P> = (req: NextRequest, route: { params: Promise<P> }) => Promise<Response>;

export const ORIGIN = "http://bmj.test";

export type CallOptions = {
  method?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string (then sent as is). */
  body?: unknown;
  /** The sandbox key to send in X-Sandbox-Key. */
  key?: string;
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
  if (options.key) headers.set(SANDBOX_HEADER, options.key);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new NextRequest(url, { method: options.method ?? "GET", headers, body });
  return route(req, { params: Promise.resolve(params) });
}

/** A fresh sandbox, created the way curl gets one: a first request without a key. */
export async function newSandboxKey(showSandbox: Route<Record<string, never>>): Promise<string> {
  const res = await call(
    showSandbox,
    "/api/sandbox",
    {},
    {
      headers: {
        "x-forwarded-for": `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`,
      },
    },
  );
  const key = res.headers.get(SANDBOX_HEADER);
  if (res.status !== 200 || !key) throw new Error(`could not create a sandbox: ${res.status}`);
  return key;
}
