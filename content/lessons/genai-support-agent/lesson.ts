import { supportArticle, supportConversation, supportTicket } from "@/db/schema/genai";
import { genaiSupportApi } from "@/lib/genai-support-agent/contract";
import { seedArticles } from "@/lib/genai-support-agent/knowledge";
import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "genai-support-agent",
  title: "A GenAI customer-support agent",
  summary:
    "A support agent on the AI SDK over your own shop: it answers a signed-in user's questions about their orders, products and the shop's policies by calling tools, streams its answer, cites the articles it retrieved with Postgres full-text search, and asks before it opens a ticket. With no API key it runs on a built-in offline model, so every step stays real.",
  objectives: [
    "Describe the agent loop: the model asks for a tool, the server runs it, the model reads the result, until it answers or hits its step limit",
    "Give a model tools with zod input schemas, and keep the user out of their inputs",
    "Retrieve knowledge-base articles with Postgres full-text search and make the answer cite them",
    "Explain prompt injection and why authorization inside the tools defends against it",
    "Stream an answer in the AI SDK's UI message stream and read it from curl",
    "Ask the user before a tool writes (tool approval), and bound cost with budgets and limits",
  ],
  minutes: 50,
  api: genaiSupportApi,
  data: {
    tables: [supportArticle, supportTicket, supportConversation],
    seed: seedArticles,
  },
  examples,
  checks,
  explains: {
    "budget-spent": "budgets-and-limits",
    "model-failed": "when-the-model-fails",
  },
});
