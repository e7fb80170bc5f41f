import { after, type NextRequest } from "next/server";
import { logger } from "@/lib/logger";
import { logRequest } from "@/lib/sandbox/request-log";
import { HttpProblem, problemResponse } from "./problem";
import { Timing } from "./timing";

/** What one request carries through its steps. */
export type RequestContext = {
  readonly requestId: string;
  readonly timing: Timing;
  /** Headers added to whatever response the request ends with (cookies, rate limits, …). */
  readonly headers: Headers;
  /** Set once the sandbox is known, so the request lands in that sandbox's log. */
  sandboxId?: string;
};

export type RouteHandler<P> = (
  req: NextRequest,
  ctx: RequestContext,
  params: P,
) => Promise<Response>;

const REQUEST_ID = /^[\w.:-]{1,64}$/;

function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

function toResponse(error: unknown, req: NextRequest, ctx: RequestContext): Response {
  let problem: HttpProblem;
  if (error instanceof HttpProblem) {
    problem = error;
  } else {
    // Whatever it was (a driver error, a bug), the learner sees a generic message and the id
    // to quote; the details stay in the server log.
    logger.error({ err: error, requestId: ctx.requestId, path: req.nextUrl.pathname }, "unhandled");
    problem = new HttpProblem(
      "internal",
      `Something went wrong on our side. Quote request id ${ctx.requestId} if you report it.`,
    );
  }
  return problemResponse(problem, {
    origin: req.nextUrl.origin,
    path: req.nextUrl.pathname,
    requestId: ctx.requestId,
    method: req.method,
  });
}

/** Runs work after the response is sent; outside Next (tests, scripts) it runs before returning. */
async function afterResponse(task: () => Promise<void>): Promise<void> {
  try {
    after(task);
  } catch {
    await task();
  }
}

/**
 * Wraps a lesson API handler: request id, errors as problem+json, Server-Timing, and the
 * sandbox request log. The handler itself stays parse → identify → call a service → respond.
 */
export function handler<P = Record<string, never>>(fn: RouteHandler<P>) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    const ctx: RequestContext = {
      requestId: requestIdOf(req),
      timing: new Timing(),
      headers: new Headers(),
    };
    let res: Response;
    try {
      res = await fn(req, ctx, await route.params);
    } catch (error) {
      res = toResponse(error, req, ctx);
    }
    const duration = ctx.timing.elapsed();
    // Handlers build their responses with `new Response`, whose headers are mutable.
    const headers = res.headers;
    for (const [name, value] of ctx.headers) headers.append(name, value);
    headers.set("x-request-id", ctx.requestId);
    headers.set("server-timing", ctx.timing.header(duration));
    if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
    await afterResponse(() =>
      logRequest({
        req,
        sandboxId: ctx.sandboxId,
        requestId: ctx.requestId,
        status: res.status,
        duration,
        spans: ctx.timing.spans,
      }),
    );
    return res;
  };
}
