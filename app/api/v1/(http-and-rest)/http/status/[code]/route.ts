import * as api from "@/lib/http-and-rest/contract";
import { statusResponse } from "@/lib/http-and-rest/statuses";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/http/status/:code — answer with the status you ask for, with the headers it requires
const status = lessonApi.route(api.statusOnDemand, {
  run: () => undefined,
  // 204 and 304 carry no body; errors come as about:blank problem details titled with the reason.
  respond: (_, { req, ctx, params }) =>
    statusResponse(params.code, {
      method: req.method,
      path: req.nextUrl.pathname,
      requestId: ctx.requestId,
    }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: status });
