import { after, type NextRequest } from "next/server";
import { logger } from "@/lib/logger";
import { HEADER, HTTP_METHODS, type HttpMethod } from "./constants";
import type { Operation, Parsed } from "./contract";
import { deprecationHeaders } from "./deprecation";
import { instanceName, SERVED_BY_HEADER } from "./instance";
import { ClientClosedError, HttpProblem, type ProblemKind, problemResponse } from "./problem";
import { Timing } from "./timing";
import { parseBody, parseParams, parseQuery } from "./validate";

/** What one request carries through its steps. */
export type RequestContext = {
  readonly requestId: string;
  readonly timing: Timing;
  /** Headers added to whatever response the request ends with (cookies, rate limits, …). */
  readonly headers: Headers;
  /** Who the request was identified as (a sandbox id), once known; the request log files it there. */
  subject?: string;
};

export type Route<P = unknown> = ((
  req: NextRequest,
  segment: { params: Promise<P> },
) => Promise<Response>) & {
  /** The contract it implements, when it implements one. */
  operation?: Operation;
};

/** A finished request, for the request log. */
export type Finished = {
  req: NextRequest;
  ctx: RequestContext;
  status: number;
  duration: number;
};

/**
 * What an application plugs into the kit: how a caller is identified (and limited), what happens
 * after each response (a request log), and which page explains each problem.
 */
export type KitHooks<C> = {
  identify(
    req: NextRequest,
    ctx: RequestContext,
    need: "required" | "optional",
  ): Promise<C | undefined>;
  /**
   * Called once the response is ready. Work it still has to do goes in the promise it returns,
   * which the platform is asked to wait for after the response is sent (and before shutdown).
   */
  finish?(request: Finished): Promise<void> | undefined;
  /** The `type` URI of a problem of this kind, for this request. */
  problemType(kind: ProblemKind, req: NextRequest): string;
  /**
   * The problem an error the kit does not know stands for, if it stands for one (the database
   * unreachable: 503, not 500). Undefined: a 500 with a generic message.
   */
  problemOf?(error: unknown): HttpProblem | undefined;
  /** Answer cross-origin callers (no credentials: they send the key in a header). */
  cors?: { allowHeaders: readonly string[]; exposeHeaders: readonly string[] };
};

type Caller<C, O extends Operation> = O["auth"] extends "optional" ? C | undefined : C;

export type Input<C, O extends Operation> = {
  req: NextRequest;
  ctx: RequestContext;
  caller: Caller<C, O>;
  params: Parsed<O["params"]>;
  query: Parsed<O["query"]>;
  body: Parsed<O["body"]>;
};

/**
 * A handler as steps: `run` calls the service (timed as `span` when given), `respond` turns its
 * result into the response. Parsing, identification, errors and timing are the kit's.
 */
export type Implementation<C, O extends Operation, R> = {
  span?: readonly [name: string, description: string];
  run: (input: Input<C, O>) => Promise<R> | R;
  respond: (result: R, input: Input<C, O>) => Response | Promise<Response>;
};

const REQUEST_ID = /^[\w.:-]{1,64}$/;

function requestIdOf(req: Request): string {
  const given = req.headers.get(HEADER.requestId);
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

/**
 * Lets work in flight finish after the response is sent: Next waits for it before shutting down,
 * and on serverless platforms before freezing the instance. Outside Next (tests, scripts) it is
 * awaited before returning.
 */
async function afterResponse(work: Promise<void>): Promise<void> {
  try {
    after(work);
  } catch {
    await work;
  }
}

/** nginx's "client closed request": logged as such, never sent (nobody is listening). */
export const CLIENT_CLOSED = 499;

export function createRouteKit<C>(hooks: KitHooks<C>) {
  const corsHeaders = (headers: Headers) => {
    if (!hooks.cors) return;
    headers.set("access-control-allow-origin", "*");
    headers.set("access-control-expose-headers", hooks.cors.exposeHeaders.join(", "));
    headers.set("timing-allow-origin", "*");
  };

  function errorResponse(error: unknown, req: NextRequest, ctx: RequestContext): Response {
    if (error instanceof ClientClosedError || req.signal.aborted) {
      logger.info({ requestId: ctx.requestId, path: req.nextUrl.pathname }, "client went away");
      return new Response(null, { status: CLIENT_CLOSED });
    }
    const translated = error instanceof HttpProblem ? undefined : hooks.problemOf?.(error);
    let problem: HttpProblem;
    if (error instanceof HttpProblem) {
      problem = error;
    } else if (translated) {
      logger.warn(
        { err: error, requestId: ctx.requestId, path: req.nextUrl.pathname },
        translated.kind,
      );
      problem = translated;
    } else {
      // Whatever it was (a driver error, a bug), the caller sees a generic message and the id to
      // quote; the details stay in the server log.
      logger.error(
        { err: error, requestId: ctx.requestId, path: req.nextUrl.pathname },
        "unhandled",
      );
      problem = new HttpProblem(
        "internal",
        `Something went wrong on our side. Quote request id ${ctx.requestId} if you report it.`,
      );
    }
    return problemResponse(problem, {
      type: hooks.problemType(problem.kind, req),
      path: req.nextUrl.pathname,
      requestId: ctx.requestId,
      method: req.method,
    });
  }

  /** Wraps steps with the request id, errors as problem+json, Server-Timing, CORS and `finish`. */
  function pipeline<P>(
    steps: (req: NextRequest, ctx: RequestContext, params: P) => Promise<Response>,
  ): Route<P> {
    return async (req, segment) => {
      const ctx: RequestContext = {
        requestId: requestIdOf(req),
        timing: new Timing(),
        headers: new Headers(),
      };
      let res: Response;
      try {
        res = await steps(req, ctx, await segment.params);
      } catch (error) {
        res = errorResponse(error, req, ctx);
      }
      // Which instance answered, last of the spans: behind a load balancer, the one that matters.
      ctx.timing.mark("instance", `Served by ${instanceName()}`);
      const duration = ctx.timing.elapsed();
      // Responses built here (new Response, Response.json) have mutable headers.
      const headers = res.headers;
      for (const [name, value] of ctx.headers) {
        // A response may carry several cookies and several links (pages, and a deprecation).
        if (name === "set-cookie" || name === "link") headers.append(name, value);
        else if (!headers.has(name)) headers.set(name, value);
      }
      headers.set(HEADER.requestId, ctx.requestId);
      headers.set(SERVED_BY_HEADER, instanceName());
      headers.set(HEADER.serverTiming, ctx.timing.header(duration));
      if (!headers.has(HEADER.cacheControl)) headers.set(HEADER.cacheControl, "no-store");
      corsHeaders(headers);
      const pending = hooks.finish?.({ req, ctx, status: res.status, duration });
      if (pending) await afterResponse(pending);
      return res;
    };
  }

  /**
   * One operation's handler: identify the caller (and count the request against their limit),
   * validate params, query and body against the contract, run the service, respond.
   */
  function route<const O extends Operation, R>(
    operation: O,
    implementation: Implementation<C, O, R>,
  ): Route {
    const deprecated = operation.deprecation && deprecationHeaders(operation.deprecation);
    const handler: Route = pipeline(async (req, ctx, rawParams) => {
      // On every answer, errors included: whoever still calls it should hear it is going away.
      for (const [name, value] of deprecated ?? []) ctx.headers.append(name, value);
      const caller = await hooks.identify(req, ctx, operation.auth ?? "required");
      const parsed = await ctx.timing.span("validate", "Validate the request", async () => ({
        params: operation.params ? parseParams(rawParams, operation.params) : undefined,
        query: operation.query ? parseQuery(req, operation.query) : undefined,
        body: operation.body
          ? await parseBody(req, operation.body, {
              mediaTypes: operation.bodyTypes,
              maxBytes: operation.maxBodyBytes,
            })
          : undefined,
      }));
      const input = { req, ctx, caller, ...parsed } as Input<C, O>;
      const { span } = implementation;
      const result = span
        ? await ctx.timing.span(span[0], span[1], () => implementation.run(input))
        : await implementation.run(input);
      const res = await implementation.respond(result, input);
      // A 304 carries only what a cache refreshes its copy with (RFC 9110 §15.4.5).
      if (res.status === 304) for (const [name] of deprecated ?? []) ctx.headers.delete(name);
      return res;
    });
    handler.operation = operation;
    return handler;
  }

  /** A handler that identifies the caller if it can (so the request counts) and then fails. */
  function failing(problem: (req: NextRequest) => HttpProblem): Route {
    return pipeline(async (req, ctx) => {
      await hooks.identify(req, ctx, "optional");
      throw problem(req);
    });
  }

  /**
   * Every method export a route file needs. Methods without a handler answer 405 with Allow;
   * HEAD is GET without the body; OPTIONS answers 204 with Allow (and CORS preflights).
   */
  function methods(handlers: Partial<Record<Exclude<HttpMethod, "HEAD" | "OPTIONS">, Route>>) {
    const allowed = HTTP_METHODS.filter((m) =>
      m === "OPTIONS" ? true : m === "HEAD" ? "GET" in handlers : m in handlers,
    );
    const allow = allowed.join(", ");
    const notAllowed = failing(
      (req) =>
        new HttpProblem(
          "method-not-allowed",
          `${req.method} is not supported here. Allowed: ${allow}.`,
          {
            headers: { allow },
          },
        ),
    );
    // Preflights carry no credentials, so OPTIONS identifies nobody and counts against nothing.
    // Which bodies POST and PATCH take here, from their contracts (Accept-Post, and Accept-Patch
    // of RFC 5789 §3.1).
    const bodyTypes = (route?: Route) =>
      route?.operation?.body
        ? (route.operation.bodyTypes ?? ["application/json"]).join(", ")
        : undefined;
    const acceptPost = bodyTypes(handlers.POST);
    const acceptPatch = bodyTypes(handlers.PATCH);
    const options: Route = pipeline(async (req) => {
      const headers = new Headers({ allow });
      if (acceptPost) headers.set("accept-post", acceptPost);
      if (acceptPatch) headers.set("accept-patch", acceptPatch);
      if (hooks.cors && req.headers.has("access-control-request-method")) {
        headers.set("access-control-allow-methods", allow);
        headers.set("access-control-allow-headers", hooks.cors.allowHeaders.join(", "));
        headers.set("access-control-max-age", "600");
      }
      return new Response(null, { status: 204, headers });
    });
    const get = handlers.GET;
    const head: Route | undefined = get
      ? async (req, segment) => {
          const res = await get(req, segment);
          return new Response(null, { status: res.status, headers: res.headers });
        }
      : undefined;
    return {
      GET: get ?? notAllowed,
      HEAD: head ?? notAllowed,
      POST: handlers.POST ?? notAllowed,
      PUT: handlers.PUT ?? notAllowed,
      PATCH: handlers.PATCH ?? notAllowed,
      DELETE: handlers.DELETE ?? notAllowed,
      OPTIONS: options,
    };
  }

  return { route, methods, failing, pipeline };
}
