import { shopperOf } from "@/lib/ecommerce-api/http";
import * as api from "@/lib/genai-support-agent/contract";
import { runEvals } from "@/lib/genai-support-agent/evals";
import { supportModel } from "@/lib/genai-support-agent/model";
import { lessonApi } from "@/lib/sandbox/api";

// #region evals-route
// POST /api/v1/support/evals — the evaluation set through your agent, graded
const evals = lessonApi.route(api.runEvals, {
  run: async ({ req, ctx, caller }) => {
    const principal = await shopperOf(req, ctx, caller.id);
    const chosen = await supportModel();
    ctx.headers.set("x-ai-model", chosen.label);
    return runEvals({ principal, chosen, ctx, signal: req.signal });
  },
  respond: (report) => Response.json(report),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ POST: evals });
