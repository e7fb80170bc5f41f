import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { countRequestLog } from "@/lib/sandbox/request-log";
import { resolveSandbox } from "@/lib/sandbox/sandboxes";

// GET /api/sandbox — your sandbox and its key (created on first use)
const show = handler(async (req, ctx) => {
  const sandbox = await resolveSandbox(req, ctx);
  const requests = await countRequestLog({ sandboxId: sandbox.id });
  return Response.json({ id: sandbox.id, key: sandbox.key, created: sandbox.created, requests });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: show });
