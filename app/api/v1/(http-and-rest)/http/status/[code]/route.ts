import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { parseParams } from "@/lib/http/validate";
import {
  isBodyless,
  reasonPhrase,
  statusHeaders,
  statusMeaning,
} from "@/lib/http-and-rest/statuses";
import { resolveSandbox } from "@/lib/sandbox/sandboxes";
import { statusParams } from "@/lib/http-and-rest/contract";

type Params = { code: string };

// GET /api/v1/http/status/:code — answer with the status you ask for
const status = handler<Params>(async (req, ctx, params) => {
  // 1. Parse: a status a server can really send (200–599).
  const { code } = await ctx.timing.span("validate", "Validate the status code", () =>
    parseParams(params, statusParams),
  );
  // 2. Identify.
  await resolveSandbox(req, ctx);
  // 3. Respond: 204 and 304 carry no body; errors come as problem details, like real errors.
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
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  GET: status,
});
