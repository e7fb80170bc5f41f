import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { triageByRules } from "@/lib/genai-basics/schema";
import { answerFrom, chooseTool, HELP } from "./offline-intent";

export const OFFLINE_MODEL_ID = "offline-rules";

/** The text of a message's text parts. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((p): p is { type: "text"; text: string } => p?.type === "text")
    .map((p) => p.text)
    .join(" ");
}

/** Words, the offline model's stand-in for tokens (it has no tokenizer). */
const countWords = (text: string) => (text.match(/\S+/g) ?? []).length;

/** The answer as stream pieces: a word and the space before it, as a tokenizer would cut it. */
export const tokensOf = (text: string) => text.match(/\s*\S+/g) ?? [];

type Turn =
  | { kind: "tool"; toolName: string; input: Record<string, unknown> }
  | { kind: "text"; text: string };

/** What to do next, from the prompt: call a tool for the last question, or answer from its results. */
function decide(prompt: LanguageModelV3Prompt, offered: ReadonlySet<string>): Turn {
  const lastUser = prompt.findLastIndex((m) => m.role === "user");
  const question = lastUser >= 0 ? textOf(prompt[lastUser]?.content) : "";
  const after = prompt.slice(lastUser + 1);
  const results = after.flatMap((m) =>
    m.role === "tool" ? m.content.filter((p) => p.type === "tool-result") : [],
  );
  const last = results.at(-1);
  if (last) {
    const { output } = last;
    if (output.type === "execution-denied")
      return { kind: "text", text: answerFrom(last.toolName, undefined, true) };
    if (output.type === "error-text" || output.type === "error-json")
      return {
        kind: "text",
        text: "The tool failed, so I cannot answer that right now. Please try again.",
      };
    const value =
      output.type === "json" ? output.value : output.type === "text" ? output.value : undefined;
    return { kind: "text", text: answerFrom(last.toolName, value) };
  }
  const choice = chooseTool(question, offered);
  if (choice) return { kind: "tool", ...choice };
  return { kind: "text", text: HELP };
}

function usage(input: number, output: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

// #region offline-model
/**
 * A language model in the AI SDK's sense (specification v3) that is not a language model: it
 * picks a tool by keyword rules, and writes its answer from the tool's real result with a
 * template. `streamText` drives it exactly like a provider's model, so the agent loop, tool
 * calls, streaming and storage are all real on a machine with no API key and no network.
 */
export class OfflineSupportModel implements LanguageModelV3 {
  readonly specificationVersion = "v3";
  readonly provider = "offline";
  readonly modelId = OFFLINE_MODEL_ID;
  readonly supportedUrls = {};
  private calls = 0;

  /** `tokenDelayMs`: a pause between streamed words, so a person can watch the answer arrive. */
  constructor(private readonly options: { tokenDelayMs?: number } = {}) {}

  private turn(options: LanguageModelV3CallOptions) {
    const offered = new Set(
      (options.tools ?? []).filter((t) => t.type === "function").map((t) => t.name),
    );
    const turn = decide(options.prompt, offered);
    const promptWords = options.prompt.reduce((n, m) => n + countWords(textOf(m.content)), 0);
    const toolCallId = `offline-call-${++this.calls}-${crypto.randomUUID().slice(0, 8)}`;
    return { turn, promptWords, toolCallId };
  }

  async doGenerate(options: LanguageModelV3CallOptions) {
    if (options.responseFormat?.type === "json") return this.triage(options);
    const { turn, promptWords, toolCallId } = this.turn(options);
    const content: LanguageModelV3Content[] =
      turn.kind === "tool"
        ? [
            {
              type: "tool-call",
              toolCallId,
              toolName: turn.toolName,
              input: JSON.stringify(turn.input),
            },
          ]
        : [{ type: "text", text: turn.text }];
    const out = turn.kind === "text" ? countWords(turn.text) : 1;
    return {
      content,
      finishReason: {
        unified: turn.kind === "tool" ? ("tool-calls" as const) : ("stop" as const),
        raw: undefined,
      },
      usage: usage(promptWords, out),
      warnings: [],
    };
  }

  /**
   * Structured output (responseFormat json): the one object the offline model knows how to fill,
   * the triage of genai-basics, by keyword rules. A real model fills any schema it is given.
   */
  private triage(options: LanguageModelV3CallOptions) {
    const lastUser = options.prompt.findLast((m) => m.role === "user");
    const text = JSON.stringify(triageByRules(textOf(lastUser?.content)));
    const promptWords = options.prompt.reduce((n, m) => n + countWords(textOf(m.content)), 0);
    return Promise.resolve({
      content: [{ type: "text" as const, text }],
      finishReason: { unified: "stop" as const, raw: undefined },
      // JSON has few spaces: its words and punctuation marks stand in for tokens.
      usage: usage(promptWords, (text.match(/\w+|[^\s\w]/g) ?? []).length),
      warnings: [],
    });
  }

  async doStream(options: LanguageModelV3CallOptions) {
    const { turn, promptWords, toolCallId } = this.turn(options);
    const delay = this.options.tokenDelayMs ?? 0;
    const signal = options.abortSignal;
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      async start(controller) {
        controller.enqueue({ type: "stream-start", warnings: [] });
        controller.enqueue({
          type: "response-metadata",
          modelId: OFFLINE_MODEL_ID,
          timestamp: new Date(),
        });
        if (turn.kind === "tool") {
          controller.enqueue({
            type: "tool-call",
            toolCallId,
            toolName: turn.toolName,
            input: JSON.stringify(turn.input),
          });
          controller.enqueue({
            type: "finish",
            finishReason: { unified: "tool-calls", raw: undefined },
            usage: usage(promptWords, 1),
          });
          controller.close();
          return;
        }
        const id = "offline-text";
        controller.enqueue({ type: "text-start", id });
        const tokens = tokensOf(turn.text);
        for (const delta of tokens) {
          if (signal?.aborted) break;
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
          controller.enqueue({ type: "text-delta", id, delta });
        }
        controller.enqueue({ type: "text-end", id });
        controller.enqueue({
          type: "finish",
          finishReason: { unified: "stop", raw: undefined },
          usage: usage(promptWords, tokens.length),
        });
        controller.close();
      },
    });
    return { stream };
  }
}
// #endregion
