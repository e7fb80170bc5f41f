import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import { setSupportModelForTests } from "@/lib/genai-support-agent/model";

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** One model call that asks for a tool. */
export const toolCallStep = (toolName: string, input: unknown): LanguageModelV3StreamPart[] => [
  { type: "stream-start", warnings: [] },
  { type: "tool-call", toolCallId: `call-${toolName}`, toolName, input: JSON.stringify(input) },
  { type: "finish", finishReason: { unified: "tool-calls", raw: undefined }, usage },
];

/** One model call that answers in text. */
export const textStep = (text: string): LanguageModelV3StreamPart[] => [
  { type: "stream-start", warnings: [] },
  { type: "text-start", id: "t" },
  ...text
    .split(" ")
    .map((word, i) => ({ type: "text-delta" as const, id: "t", delta: i ? ` ${word}` : word })),
  { type: "text-end", id: "t" },
  { type: "finish", finishReason: { unified: "stop", raw: undefined }, usage },
];

/**
 * The AI SDK's mock model in the agent's place, answering each model call with the next of
 * `steps`. It does whatever it is scripted to, like a model that obeys an injected instruction.
 */
export function scriptModel(steps: LanguageModelV3StreamPart[][]) {
  const model = new MockLanguageModelV3({
    doStream: steps.map((chunks) => ({ stream: simulateReadableStream({ chunks }) })),
  });
  setSupportModelForTests({ model, label: "mock:scripted", offline: false });
  return model;
}

export function failingModel(error: unknown) {
  const model = new MockLanguageModelV3({
    doStream: async () => {
      throw error;
    },
  });
  setSupportModelForTests({ model, label: "mock:failing", offline: false });
  return model;
}
