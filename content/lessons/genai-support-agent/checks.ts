import { supportConversation, supportTicket } from "@/db/schema/genai";
import type { Check } from "@/lib/lessons/checks";
import { requested } from "@/lib/lessons/checks";
import { ownedBy } from "@/lib/sandbox/scope";

const CHAT = "/api/v1/support/chat";
const EVALS = "/api/v1/support/evals";

/** What "Check my work" looks for in your sandbox (its request log, conversations and tickets). */
export const checks: Check[] = [
  requested(
    {
      id: "asked-the-agent",
      title: "You asked the support agent a question with a user's access token",
      hint: "Log in as a user of your sandbox and send a question to POST /api/v1/support/chat with Authorization: Bearer.",
    },
    { method: "POST", path: CHAT, status: 200, sent: ["authorization"] },
  ),
  requested(
    {
      id: "chat-needs-a-token",
      title: "A chat without an access token was refused with 401",
      hint: "Send a question to the chat without an Authorization header.",
    },
    { method: "POST", path: CHAT, status: 401 },
  ),
  requested(
    {
      id: "bad-message-refused",
      title:
        "A message the chat does not take (a system message, a text too long) was refused with 422",
      hint: "Send a conversation whose first message has the role system, or a question of more than 2000 characters.",
    },
    { method: "POST", path: CHAT, status: 422 },
  ),
  {
    id: "conversation-stored",
    title: "A conversation with the agent was stored, with its answer",
    hint: "Ask the agent something and let the answer finish; then read it back with GET /api/v1/support/conversations/{id}.",
    test: async ({ db, sandboxId }) => {
      const rows = await db
        .select({ messages: supportConversation.messages })
        .from(supportConversation)
        .where(ownedBy(supportConversation, sandboxId));
      return rows.some(
        (r) =>
          Array.isArray(r.messages) &&
          r.messages.some((m) => (m as { role?: string }).role === "assistant"),
      );
    },
  },
  requested(
    {
      id: "ran-the-evals",
      title: "You ran the whole evaluation set against your agent",
      hint: "Press Run the evaluation set under the chat, or POST /api/v1/support/evals with a user's access token.",
    },
    { method: "POST", path: EVALS, status: 200, sent: ["authorization"] },
  ),
  {
    id: "ticket-confirmed",
    title: "You confirmed a support ticket the agent proposed, and it was opened",
    hint: 'In the chat, ask "open a ticket about order 1", then press Confirm on the step that asks you.',
    test: async ({ db, sandboxId }) => {
      const rows = await db
        .select({ id: supportTicket.id })
        .from(supportTicket)
        .where(ownedBy(supportTicket, sandboxId))
        .limit(1);
      return rows.length > 0;
    },
  },
];
