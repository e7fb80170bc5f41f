import * as api from "@/lib/genai-basics/contract";
import { triageMessage } from "@/lib/genai-basics/triage";
import { spendChatBudget } from "@/lib/genai-support-agent/budget";
import { supportModel } from "@/lib/genai-support-agent/model";
import { lessonApi } from "@/lib/sandbox/api";

// POST /api/v1/genai/triage — a language model fills a schema from a customer's message
const triage = lessonApi.route(api.triageMessage, {
  run: async ({ ctx, caller, body }) => {
    // 1. A model call costs: it spends the sandbox's hourly AI budget (429 when spent).
    const limits = await spendChatBudget(caller.id);
    for (const [name, value] of Object.entries(limits)) ctx.headers.set(name, value);
    // 2. One call, timed as llm: the answer must fit the schema.
    const chosen = await supportModel();
    return ctx.timing.span("llm", `One call to ${chosen.label}`, () =>
      triageMessage({ ...body, chosen }),
    );
  },
  respond: (view, { ctx }) => {
    ctx.headers.set("x-ai-model", view.model);
    return Response.json(view);
  },
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ POST: triage });
