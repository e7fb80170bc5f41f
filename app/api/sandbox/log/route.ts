import { z } from "zod";
import { wholeNumber } from "@/lib/http/fields";
import { handler } from "@/lib/http/handler";
import { routeMethods } from "@/lib/http/methods";
import { parseQuery } from "@/lib/http/validate";
import { listRequestLog, REQUEST_LOG_KEEP } from "@/lib/sandbox/request-log";
import { resolveSandbox } from "@/lib/sandbox/sandboxes";

const logQuery = z.strictObject({
  limit: wholeNumber(1, REQUEST_LOG_KEEP).default(50),
});

// GET /api/sandbox/log — your sandbox's latest lesson API requests, newest first
const list = handler(async (req, ctx) => {
  const { limit } = parseQuery(req, logQuery);
  const sandbox = await resolveSandbox(req, ctx);
  const entries = await listRequestLog({ sandboxId: sandbox.id, limit });
  return Response.json({
    data: entries.map(({ sandboxId: _, ...entry }) => entry),
  });
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list });
