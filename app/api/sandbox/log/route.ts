import { portalApi } from "@/lib/sandbox/api";
import * as api from "@/lib/sandbox/contract";
import { listRequestLog } from "@/lib/sandbox/request-log";

// GET /api/sandbox/log — your sandbox's latest lesson API requests, newest first
const list = portalApi.route(api.readLog, {
  run: ({ caller, query }) => listRequestLog({ sandboxId: caller.id, limit: query.limit }),
  respond: (entries) => Response.json({ data: entries.map(({ sandboxId: _, ...entry }) => entry) }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = portalApi.methods({ GET: list });
