import { PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import * as api from "@/lib/http-and-rest/contract";
import {
  isBodyless,
  reasonPhrase,
  statusHeaders,
  statusMeaning,
} from "@/lib/http-and-rest/statuses";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/http/status/:code — answer with the status you ask for
const status = lessonApi.route(api.statusOnDemand, {
  run: () => undefined,
  // 204 and 304 carry no body; errors come as problem details, like real errors.
  respond: (_, { req, ctx, params: { code } }) => {
    const headers = new Headers(statusHeaders(code));
    if (isBodyless(code) || req.method === "HEAD")
      return new Response(null, { status: code, headers });
    const reason = reasonPhrase(code);
    if (code >= 400) {
      headers.set("content-type", PROBLEM_CONTENT_TYPE);
      const body = {
        type: new URL("/learn/http-and-rest#status-codes", req.nextUrl.origin).toString(),
        title: reason,
        status: code,
        detail: `You asked for ${code}. ${statusMeaning(code)}`,
        instance: req.nextUrl.pathname,
        requestId: ctx.requestId,
      };
      return new Response(JSON.stringify(body), { status: code, headers });
    }
    return Response.json(
      { status: code, reason, meaning: statusMeaning(code) },
      { status: code, headers },
    );
  },
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: status });
