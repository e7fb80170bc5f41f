import { setTimeout as sleep } from "node:timers/promises";
import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { parseParams } from "@/lib/http/validate";
import { resolveSandbox } from "@/lib/sandbox/sandboxes";
import { delayParams } from "@/lib/http-and-rest/contract";

type Params = { ms: string };

// GET /api/v1/http/delay/:ms — answer after waiting ms milliseconds (at most 5000)
const delay = handler<Params>(async (req, ctx, params) => {
  const { ms } = await ctx.timing.span("validate", "Validate the delay", () =>
    parseParams(params, delayParams),
  );
  await resolveSandbox(req, ctx);
  // The wait shows up as its own span in Server-Timing, so you can see where the time went.
  await ctx.timing.span("delay", `Wait ${ms} ms`, () =>
    sleep(ms, undefined, { signal: req.signal }),
  );
  return Response.json({ delayedMs: ms });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods<Params>({
  GET: delay,
});
