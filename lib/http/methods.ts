import type { NextRequest } from "next/server";
import { handler } from "./handler";
import { HttpProblem } from "./problem";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Route<P> = (req: NextRequest, route: { params: Promise<P> }) => Promise<Response>;

/**
 * Every method export a route file needs. Methods the route has no handler for answer 405 with
 * an Allow header (as problem+json, and logged like any request); HEAD is GET without a body;
 * OPTIONS answers 204 with Allow.
 */
export function routeMethods<P>(
  handlers: Partial<Record<Exclude<HttpMethod, "HEAD" | "OPTIONS">, Route<P>>>,
): Record<HttpMethod, Route<P>> {
  const allowed = HTTP_METHODS.filter((m) =>
    m === "OPTIONS" || m === "HEAD" ? "GET" in handlers || m === "OPTIONS" : m in handlers,
  );
  const allow = allowed.join(", ");
  const notAllowed: Route<P> = handler(async (req) => {
    throw new HttpProblem(
      "method-not-allowed",
      `${req.method} is not supported here. Allowed: ${allow}.`,
      { headers: { allow } },
    );
  });
  const options: Route<P> = handler(
    async () => new Response(null, { status: 204, headers: { allow } }),
  );
  const head: Route<P> | undefined = handlers.GET
    ? async (req, route) => {
        const res = await (handlers.GET as Route<P>)(req, route);
        return new Response(null, { status: res.status, headers: res.headers });
      }
    : undefined;
  return {
    GET: handlers.GET ?? notAllowed,
    HEAD: head ?? notAllowed,
    POST: handlers.POST ?? notAllowed,
    PUT: handlers.PUT ?? notAllowed,
    PATCH: handlers.PATCH ?? notAllowed,
    DELETE: handlers.DELETE ?? notAllowed,
    OPTIONS: options,
  };
}
