import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { requiredString } from "@/lib/http/fields";
import { triage } from "./schema";

export const triageBody = z.strictObject({
  message: requiredString()
    .trim()
    .min(1, "must not be empty")
    .max(1000, "must be at most 1000 characters"),
  temperature: z
    .number({ error: "must be a number" })
    .min(0, "must be 0 or more")
    .max(2, "must be at most 2")
    .default(0)
    .describe("Randomness of the sampling: 0 picks the likeliest token every time"),
});

export const triageView = z.strictObject({
  triage,
  model: z.string().describe("offline-rules, or provider:model"),
  usage: z.strictObject({
    inputTokens: z.number().int().nonnegative().nullable(),
    outputTokens: z.number().int().nonnegative().nullable(),
  }),
});
export type TriageView = z.infer<typeof triageView>;

export const triageMessage = defineOperation({
  method: "POST",
  path: "/api/v1/genai/triage",
  summary: "Triage a customer message: a language model fills a zod schema",
  body: triageBody,
  responses: {
    200: { description: "The model's object, checked against the schema", body: triageView },
  },
  problems: [
    "malformed-request",
    "unsupported-media-type",
    "content-too-large",
    "validation",
    "budget-spent",
    "model-failed",
  ],
});

export const genaiBasicsApi = [triageMessage] as const;
