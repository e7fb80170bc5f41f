import { generateText, Output } from "ai";
import type { ChosenModel } from "@/lib/genai-support-agent/model";
import { HttpProblem } from "@/lib/http/problem";
import type { TriageView } from "./contract";
import { triage } from "./schema";

// #region triage
/**
 * One LLM call with structured output: the schema goes to the model (as JSON Schema), the model
 * answers JSON, and the SDK parses and validates it; an answer that does not fit is an error, not
 * data.
 */
export async function triageMessage({
  message,
  temperature,
  chosen,
}: {
  message: string;
  temperature: number;
  chosen: ChosenModel;
}): Promise<TriageView> {
  try {
    const result = await generateText({
      model: chosen.model,
      system: "You triage messages sent to an online shop's customer support.",
      prompt: message,
      temperature,
      output: Output.object({ schema: triage }),
      maxRetries: 1,
    });
    return {
      triage: result.output,
      model: chosen.label,
      usage: {
        inputTokens: result.usage.inputTokens ?? null,
        outputTokens: result.usage.outputTokens ?? null,
      },
    };
  } catch (error) {
    const status = (error as { statusCode?: unknown })?.statusCode;
    throw new HttpProblem(
      "model-failed",
      typeof status === "number"
        ? `The language model failed (its provider answered ${status}). Try again later.`
        : "The language model failed, or answered something that does not fit the schema. Try again later.",
    );
  }
}
// #endregion
