import { clientLimitKey } from "@/lib/http/client";
import { HttpProblem } from "@/lib/http/problem";
import type { RequestContext } from "@/lib/http/route";
import * as api from "@/lib/rate-limiting/contract";
import { hitLimiter } from "@/lib/rate-limiting/service";
import { lessonApi } from "@/lib/sandbox/api";

/**
 * Both limits in one field each, as the draft's lists allow: the sandbox's (set while the request
 * was identified) first, then this limiter's.
 */
function withSandboxFields(ctx: RequestContext, fields: Record<string, string>) {
  const merged: Record<string, string> = { ...fields };
  for (const name of ["ratelimit-policy", "ratelimit"]) {
    const sandbox = ctx.headers.get(name);
    const own = fields[name];
    if (sandbox) merged[name] = own ? `${sandbox}, ${own}` : sandbox;
  }
  return merged;
}

// #region route
// GET /api/v1/limits/:algorithm — spend one unit (or ?cost=) of a limiter's quota
const hit = lessonApi.route(api.hitLimiter, {
  // 1. Your sandbox was identified and counted against its own limit (the `ratelimit` span).
  // 2. This limiter counts the request under your sandbox (and address, with by=address).
  run: ({ req, ctx, caller, params, query }) =>
    hitLimiter({
      algorithm: params.algorithm,
      sandboxId: caller.id,
      cost: query.cost,
      by: query.by,
      address: clientLimitKey(req),
      simulate: query.simulate,
      timing: ctx.timing,
    }),
  // 3. Allowed: 200. Refused: 429 with Retry-After. Undecidable and failing closed: 503.
  respond: (decision, { ctx }) => {
    const headers = withSandboxFields(ctx, decision.fields);
    if (decision.outcome === "refused") {
      throw new HttpProblem("rate-limited", decision.detail, { headers });
    }
    if (decision.outcome === "unavailable") {
      throw new HttpProblem(
        "limiter-unavailable",
        `This limiter fails closed and its store did not answer, so it cannot tell whether you are within your limit. Retry in ${decision.retryAfter} s (Retry-After).`,
        { headers: { ...headers, "retry-after": String(decision.retryAfter) } },
      );
    }
    return Response.json(decision.view, { headers });
  },
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: hit });
