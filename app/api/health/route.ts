// GET /api/health — can this instance serve? Postgres and Redis probed, for load balancers and readiness
import { DATABASE_RETRY_AFTER_SECONDS } from "@/db/unavailable";
import { HEADER } from "@/lib/http/constants";
import { requestOrigin } from "@/lib/http/origin";
import { PROBLEM_CONTENT_TYPE, problemKinds } from "@/lib/http/problem";
import { problemTypeFor } from "@/lib/lessons/problem-types";
import { checkHealth } from "@/lib/load-balancing/health";
import { portalApi } from "@/lib/sandbox/api";

export const dynamic = "force-dynamic";

export const GET = portalApi.pipeline(async (req, ctx) => {
  const health = await ctx.timing.span("health", "Probe Postgres and Redis", checkHealth);
  if (health.status !== "unavailable") return Response.json(health);
  const kind = "database-unavailable";
  const body = {
    type: problemTypeFor(kind, requestOrigin(req)),
    title: problemKinds[kind].title,
    status: problemKinds[kind].status,
    detail: "This instance cannot reach its database, so it cannot serve requests now.",
    instance: req.nextUrl.pathname,
    requestId: ctx.requestId,
    postgres: health.postgres,
    redis: health.redis,
  };
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      [HEADER.contentType]: PROBLEM_CONTENT_TYPE,
      [HEADER.retryAfter]: String(DATABASE_RETRY_AFTER_SECONDS),
    },
  });
});
