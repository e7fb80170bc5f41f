import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { negotiate } from "@/lib/http/negotiate";
import { readBodyText } from "@/lib/http/validate";
import { describeRequest, echoAsHtml, echoAsText } from "@/lib/http-and-rest/echo";
import { resolveSandbox } from "@/lib/sandbox/sandboxes";
import { ECHO_TYPES } from "@/lib/todo-api/contract";

// ANY /api/v1/http/echo — see your request exactly as the server received it
const echo = handler(async (req, ctx) => {
  // 1. Parse: pick the representation the client asked for (Accept), and read the body.
  const type = await ctx.timing.span("negotiate", "Choose a format from Accept", () =>
    negotiate(req, ECHO_TYPES),
  );
  const bodyText = await ctx.timing.span("read", "Read the body", () => readBodyText(req));
  // 2. Identify: the echo lands in your sandbox's request log like every lesson call.
  await resolveSandbox(req, ctx);
  // 3. Respond in that format. Vary tells caches the answer depends on Accept.
  const described = describeRequest(req, bodyText);
  const search = req.nextUrl.search;
  const body =
    type === "application/json"
      ? JSON.stringify(described, null, 2)
      : type === "text/plain"
        ? echoAsText(described, search)
        : echoAsHtml(described, search);
  return new Response(req.method === "HEAD" ? null : body, {
    headers: { "content-type": `${type}; charset=utf-8`, vary: "Accept" },
  });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: echo,
  POST: echo,
  PUT: echo,
  PATCH: echo,
  DELETE: echo,
});
