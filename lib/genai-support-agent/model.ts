import type { LanguageModelV3 } from "@ai-sdk/provider";
import { env } from "@/lib/env";
import { OFFLINE_MODEL_ID, OfflineSupportModel } from "./offline-model";

/** The model the agent talks to, and how the API and the chat label it. */
export type ChosenModel = { model: LanguageModelV3; label: string; offline: boolean };

const DEFAULT_MODEL = { openai: "gpt-4o-mini", anthropic: "claude-3-5-haiku-latest" } as const;

let chosen: Promise<ChosenModel> | undefined;

// #region choose-model
/**
 * The provider named by AI_PROVIDER (validated at start in lib/env.ts), or the offline model
 * when none is set: a fresh clone and CI need no key and no network.
 */
async function choose(): Promise<ChosenModel> {
  const { AI_PROVIDER, AI_MODEL, AI_BASE_URL, OPENAI_API_KEY, ANTHROPIC_API_KEY } = env();
  switch (AI_PROVIDER) {
    case "openai": {
      const { createOpenAI } = await import("@ai-sdk/openai");
      const id = AI_MODEL ?? DEFAULT_MODEL.openai;
      return {
        model: createOpenAI({ apiKey: OPENAI_API_KEY })(id),
        label: `openai:${id}`,
        offline: false,
      };
    }
    case "anthropic": {
      const { createAnthropic } = await import("@ai-sdk/anthropic");
      const id = AI_MODEL ?? DEFAULT_MODEL.anthropic;
      return {
        model: createAnthropic({ apiKey: ANTHROPIC_API_KEY })(id),
        label: `anthropic:${id}`,
        offline: false,
      };
    }
    case "openai-compatible": {
      const { createOpenAICompatible } = await import("@ai-sdk/openai-compatible");
      const id = AI_MODEL ?? "";
      const provider = createOpenAICompatible({
        name: "openai-compatible",
        baseURL: AI_BASE_URL ?? "",
      });
      return { model: provider(id), label: `openai-compatible:${id}`, offline: false };
    }
    default:
      return {
        model: new OfflineSupportModel({ tokenDelayMs: 12 }),
        label: OFFLINE_MODEL_ID,
        offline: true,
      };
  }
}
// #endregion

export function supportModel(): Promise<ChosenModel> {
  chosen ??= choose();
  return chosen;
}

/** Tests put a mock model in the provider's place. */
export function setSupportModelForTests(model: ChosenModel | undefined): void {
  chosen = model ? Promise.resolve(model) : undefined;
}
