import { z } from "zod";

// #region triage-schema
/** What the model must answer: not prose, an object of this shape (checked after it answers). */
export const triage = z.object({
  intent: z
    .enum(["order-status", "returns", "shipping", "product", "complaint", "other"])
    .describe("What the customer wants"),
  orderId: z.number().int().positive().nullable().describe("The order they name, if any"),
  sentiment: z.enum(["positive", "neutral", "negative"]),
  urgent: z.boolean().describe("true when they need an answer today"),
});
// #endregion
export type Triage = z.infer<typeof triage>;

/** The offline model's rules for the same object: keywords, no understanding. */
export function triageByRules(text: string): Triage {
  const t = text.toLowerCase();
  const order = /\border\s*(?:#|no\.?\s*|number\s*)?(\d{1,9})\b/.exec(t);
  const intent: Triage["intent"] = /\b(broken|damaged|chipped|angry|terrible|complain\w*)\b/.test(t)
    ? "complaint"
    : /\b(return|refund)\w*/.test(t)
      ? "returns"
      : /\b(ship\w*|deliver\w*|parcel|package)\b/.test(t)
        ? "shipping"
        : /\border\b|\bwhere\b/.test(t)
          ? "order-status"
          : /\b(sell|stock|price|product|buy)\b/.test(t)
            ? "product"
            : "other";
  const negative =
    /\b(not|never|broken|damaged|chipped|late|angry|terrible|bad|worst|still)\b/.test(t);
  const positive = /\b(thanks|thank you|great|love|perfect)\b/.test(t);
  return {
    intent,
    orderId: order?.[1] ? Number(order[1]) : null,
    sentiment: negative ? "negative" : positive ? "positive" : "neutral",
    urgent: /\b(today|urgent|asap|now|immediately)\b/.test(t),
  };
}
