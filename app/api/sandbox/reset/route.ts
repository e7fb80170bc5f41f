import { portalApi } from "@/lib/sandbox/api";
import * as api from "@/lib/sandbox/contract";
import { resetSandbox } from "@/lib/sandbox/lifecycle";

// POST /api/sandbox/reset — wipe your sandbox's lesson data and request log, then reseed it
const reset = portalApi.route(api.resetSandbox, {
  span: ["db", "Wipe and reseed"],
  run: ({ caller }) => resetSandbox({ sandboxId: caller.id }),
  respond: (_, { caller }) => Response.json({ id: caller.id, reset: true }),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = portalApi.methods({ POST: reset });
