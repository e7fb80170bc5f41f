import type { Check } from "@/lib/lessons/checks";
import { requested } from "@/lib/lessons/checks";

const TRIAGE = "/api/v1/genai/triage";

/** What "Check my work" looks for in your sandbox's request log. */
export const checks: Check[] = [
  requested(
    {
      id: "structured-output",
      title: "A model filled the triage schema for one of your messages",
      hint: "Send a customer message to POST /api/v1/genai/triage.",
    },
    { method: "POST", path: TRIAGE, status: 200, spans: ["llm"] },
  ),
  requested(
    {
      id: "refused-before-the-model",
      title: "An invalid request was refused with 422 before any model call",
      hint: "Send an empty message, or a temperature above 2.",
    },
    { method: "POST", path: TRIAGE, status: 422 },
  ),
  requested(
    {
      id: "from-your-code",
      title: "You called the endpoint from a terminal or your own code, with your key",
      hint: "Copy a console's request as curl (it sends X-Sandbox-Key) and run it, or call it from a script.",
    },
    { method: "POST", path: TRIAGE, status: 200, sent: ["x-sandbox-key"] },
  ),
  {
    id: "two-messages",
    title: "You triaged at least two different messages",
    hint: "Try a complaint and a question: compare the objects.",
    test: ({ log }) =>
      log.filter((e) => e.method === "POST" && e.path === TRIAGE && e.status === 200).length >= 2,
  },
];
