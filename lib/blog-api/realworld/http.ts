import type { NextRequest } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/db/unavailable";
import { HEADER, MEDIA_TYPE } from "@/lib/http/constants";
import type { Operation } from "@/lib/http/contract";
import { SERVED_BY_HEADER } from "@/lib/http/instance";
import { requestOrigin } from "@/lib/http/origin";
import { HttpProblem, PROBLEM_CONTENT_TYPE, type ProblemBody } from "@/lib/http/problem";
import { createRouteKit, type Implementation, type Route } from "@/lib/http/route";
import { onSite } from "@/lib/http/site-origin";
import { problemTypeFor } from "@/lib/lessons/problem-types";
import { limitRequests } from "@/lib/sandbox/identify";
import { logRequest } from "@/lib/sandbox/request-log";
import { siteByPublicId } from "./site";

/** Who calls the RealWorld API: anyone who knows the blog's public id. */
export type RealworldCaller = { sandboxId: string; publicId: string };

const PREFIX = /^\/api\/v1\/realworld\/([^/]+)(\/|$)/;

// #region identify
/**
 * The blog a request reaches: the sandbox whose public id is in the path, if its owner has not
 * switched it off. Every request counts against that sandbox's rate limit (the same one as its
 * lesson APIs) and lands in its request log, so the learner sees RealWorld clients' traffic.
 */
async function identify(req: NextRequest, ctx: Parameters<typeof limitRequests>[1]) {
  const publicId = PREFIX.exec(req.nextUrl.pathname)?.[1] ?? "";
  const site = await ctx.timing.span("sandbox", "Find the blog by its public id", () =>
    siteByPublicId(publicId),
  );
  if (!site) {
    throw new HttpProblem(
      "not-found",
      "No blog has this RealWorld address. Copy yours (it ends in /api) from /sandbox.",
    );
  }
  await ctx.timing.span("ratelimit", "Check the sandbox's request rate", () =>
    limitRequests(site.sandboxId, ctx),
  );
  ctx.subject = site.sandboxId;
  if (!site.enabled) {
    throw new HttpProblem(
      "forbidden",
      "This blog's RealWorld API is switched off. Its owner can switch it on again on /sandbox.",
    );
  }
  return { sandboxId: site.sandboxId, publicId };
}
// #endregion

/**
 * The type of RealWorld's invalid-field problems (422): its own, because its `errors` is an object
 * (field → messages) where the other APIs' validation type sends a list, and a problem type is
 * what defines its extension members (RFC 9457 §3.2). The page section explains that object.
 */
export const REALWORLD_ERRORS_TYPE = "/learn/blog-api#realworld-errors";

const kit = createRouteKit<RealworldCaller>({
  identify: (req, ctx) => identify(req, ctx),
  finish: logRequest,
  problemType: (kind, req) =>
    kind === "validation"
      ? onSite(REALWORLD_ERRORS_TYPE, requestOrigin(req))
      : problemTypeFor(kind, requestOrigin(req)),
  problemOf: (error) =>
    isDatabaseUnavailable(error)
      ? new HttpProblem(
          "database-unavailable",
          `The database is not answering right now. Try again in ${DATABASE_RETRY_AFTER_SECONDS} s.`,
          { headers: { [HEADER.retryAfter]: String(DATABASE_RETRY_AFTER_SECONDS) } },
        )
      : undefined,
  // A public API: any origin, no cookies (writes carry the API's own tokens, so CSRF cannot
  // ride on them).
  cors: {
    allowHeaders: ["authorization", HEADER.contentType, "x-requested-with", HEADER.requestId],
    exposeHeaders: [
      HEADER.requestId,
      HEADER.serverTiming,
      HEADER.retryAfter,
      HEADER.wwwAuthenticate,
      "ratelimit",
      "ratelimit-policy",
      SERVED_BY_HEADER,
    ],
  },
});

/** `user.email` → `email`: RealWorld names the field inside its wrapper object. */
const realworldField = (field: string) =>
  field === "(root)" ? "body" : field.replace(/^(user|article|comment)\./, "");

// #region errors
/**
 * RealWorld frontends show `errors: { field: [message] }`; our answers are problem+json. Both at
 * once: the problem's members, with RealWorld's `errors` object as an extension member (RFC 9457
 * §3.2). Invalid fields (422) get a type of their own that defines `errors` as this object
 * (REALWORLD_ERRORS_TYPE); other kinds keep their type, whose clients ignore a member that type
 * does not define. A problem that names no field puts its detail under `body`, as RealWorld's
 * GenericErrorModel does.
 */
async function withRealworldErrors(res: Response): Promise<Response> {
  if (res.headers.get(HEADER.contentType) !== PROBLEM_CONTENT_TYPE || !res.body) return res;
  const problem = (await res.json()) as ProblemBody;
  const errors: Record<string, string[]> = {};
  for (const { field, message } of problem.errors ?? []) {
    const name = realworldField(field);
    errors[name] = [...(errors[name] ?? []), message];
  }
  if (!problem.errors?.length) errors.body = [problem.detail];
  return new Response(JSON.stringify({ ...problem, errors }), {
    status: res.status,
    headers: res.headers,
  });
}
// #endregion

const realworld =
  <P>(route: Route<P>): Route<P> =>
  async (req, segment) =>
    withRealworldErrors(await route(req, segment));

/**
 * A RealWorld operation's handler (see createRouteKit's `route`), its errors in both shapes. The
 * caller (the blog) is always known: `auth` in these contracts is about RealWorld's token, which
 * the handler checks (auth.ts), not about the sandbox.
 */
export function realworldRoute<const O extends Operation, R>(
  operation: O,
  implementation: Implementation<RealworldCaller, Omit<O, "auth">, R>,
): Route {
  const handler = realworld(
    kit.route(operation, implementation as unknown as Implementation<RealworldCaller, O, R>),
  );
  handler.operation = operation;
  return handler;
}

/** Every method export a route file needs (see createRouteKit's `methods`). */
export function realworldMethods(
  handlers: Parameters<typeof kit.methods>[0],
): ReturnType<typeof kit.methods> {
  const all = kit.methods(handlers);
  // Handlers given are realworldRoutes already; the kit's 405s are not.
  const own = (method: keyof typeof handlers) =>
    handlers[method] ? all[method] : realworld(all[method]);
  return {
    GET: own("GET"),
    HEAD: all.HEAD,
    POST: own("POST"),
    PUT: own("PUT"),
    PATCH: own("PATCH"),
    DELETE: own("DELETE"),
    OPTIONS: all.OPTIONS,
  };
}

/** RealWorld answers are plain JSON. */
export const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { [HEADER.contentType]: MEDIA_TYPE.json } });
