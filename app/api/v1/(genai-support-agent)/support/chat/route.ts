import { shopperOf } from "@/lib/ecommerce-api/http";
import { answer } from "@/lib/genai-support-agent/agent";
import { assertTokenBudget, spendChatBudget } from "@/lib/genai-support-agent/budget";
import * as api from "@/lib/genai-support-agent/contract";
import { assertConversationFree } from "@/lib/genai-support-agent/conversations";
import { supportModel } from "@/lib/genai-support-agent/model";
import { lessonApi } from "@/lib/sandbox/api";

// #region chat-route
// POST /api/v1/support/chat — ask the support agent; the answer streams back
const chat = lessonApi.route(api.chat, {
  run: async ({ req, ctx, caller, body }) => {
    // 1. Who is asking comes from the access token, never from the messages.
    const { sandboxId, accountId } = await shopperOf(req, ctx, caller.id);
    // 2. Every question costs: the sandbox's hourly budgets of questions and of tokens (429 when
    //    either is spent), checked before the model is called.
    await ctx.timing.span("db", "Tokens used in the last hour", () => assertTokenBudget(sandboxId));
    const limits = await spendChatBudget(sandboxId);
    for (const [name, value] of Object.entries(limits)) ctx.headers.set(name, value);
    // 3. A chat id another user of the sandbox uses is not yours to continue.
    await ctx.timing.span("db", "Check the conversation is yours", () =>
      assertConversationFree({ sandboxId, accountId, id: body.id }),
    );
    // 4. The agent loop, streamed: model errors before the first token are a 502 problem.
    const chosen = await supportModel();
    return answer({ body, principal: { sandboxId, accountId }, chosen, ctx, signal: req.signal });
  },
  respond: (stream) => stream,
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ POST: chat });
