import { genaiBasicsApi } from "@/lib/genai-basics/contract";
import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "genai-basics",
  title: "Generative AI in a backend",
  summary:
    "What one call to a language model is — messages, tokens, temperature, streaming — and how a backend gets data rather than prose out of it: structured output that fills a zod schema, on a live endpoint. With no API key, a built-in offline model fills it by keyword rules, and says so.",
  objectives: [
    "Name the parts of a model call: system and user messages, tokens in and out, temperature",
    "Ask for structured output with a zod schema and treat an answer that does not fit as an error",
    "Say what streaming changes for the client, and what cost and latency depend on",
    "Explain embeddings and when full-text search is enough",
  ],
  minutes: 25,
  api: genaiBasicsApi,
  examples,
  checks,
});
