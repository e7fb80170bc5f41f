import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { resetSandbox, resolveSandbox } from "@/lib/sandbox/sandboxes";

// POST /api/sandbox/reset — wipe your sandbox's lesson data and request log, then reseed it
const reset = handler(async (req, ctx) => {
  const sandbox = await resolveSandbox(req, ctx);
  await ctx.timing.span("db", "Wipe and reseed", () => resetSandbox({ sandboxId: sandbox.id }));
  return Response.json({ id: sandbox.id, reset: true });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: reset });
