import { setTimeout as sleep } from "node:timers/promises";
import { ClientClosedError } from "@/lib/http/problem";
import * as api from "@/lib/http-and-rest/contract";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/http/delay/:ms — answer after waiting ms milliseconds (at most 5000)
const delay = lessonApi.route(api.delay, {
  // The wait shows up as its own span in Server-Timing, so you can see where the time went.
  // If you give up first (close the connection), the wait stops too.
  run: ({ req, ctx, params }) =>
    ctx.timing.span("delay", `Wait ${params.ms} ms`, () =>
      sleep(params.ms, undefined, { signal: req.signal }).catch((error: unknown) => {
        if (req.signal.aborted) throw new ClientClosedError("the client stopped waiting");
        throw error;
      }),
    ),
  respond: (_, { params }) => Response.json({ delayedMs: params.ms }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: delay });
