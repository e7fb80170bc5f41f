import { shopperOf } from "@/lib/ecommerce-api/http";
import * as api from "@/lib/genai-support-agent/contract";
import { readConversation } from "@/lib/genai-support-agent/conversations";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/support/conversations/:id — one of your conversations with the agent
const read = lessonApi.route(api.readConversation, {
  run: async ({ req, ctx, caller, params }) => {
    const { sandboxId, accountId } = await shopperOf(req, ctx, caller.id);
    return ctx.timing.span("db", "Select the conversation", () =>
      readConversation({ sandboxId, accountId, id: params.id }),
    );
  },
  respond: (conversation) => Response.json(conversation),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: read });
