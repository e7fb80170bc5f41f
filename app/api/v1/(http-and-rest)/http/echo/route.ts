import type { Operation } from "@/lib/http/contract";
import { negotiate } from "@/lib/http/negotiate";
import { readBodyText } from "@/lib/http/validate";
import * as api from "@/lib/http-and-rest/contract";
import { describeRequest, echoAsHtml, echoAsText } from "@/lib/http-and-rest/echo";
import { lessonApi } from "@/lib/sandbox/api";

// ANY /api/v1/http/echo — see your request exactly as the server received it
const echo = (operation: Operation) =>
  lessonApi.route(operation, {
    // 1. Pick the representation the client asked for (Accept), and read the body as it came.
    run: async ({ req, ctx }) => ({
      type: await ctx.timing.span("negotiate", "Choose a format from Accept", () =>
        negotiate(req, api.ECHO_TYPES),
      ),
      bodyText: await ctx.timing.span("read", "Read the body", () => readBodyText(req)),
    }),
    // 2. Respond in that format. Vary tells caches the answer depends on Accept.
    respond: ({ type, bodyText }, { req }) => {
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
    },
  });

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: echo(api.echoGet),
  POST: echo(api.echoPost),
  PUT: echo(api.echoPut),
  PATCH: echo(api.echoPatch),
  DELETE: echo(api.echoDelete),
});
