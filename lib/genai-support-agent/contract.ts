import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { requiredString } from "@/lib/http/fields";

/** The support agent's contract: one chat endpoint (a stream) and reading a conversation back. */

export const MAX_MESSAGES = 40;
export const MAX_TEXT_CHARS = 2000;
export const MAX_CHAT_BYTES = 256 * 1024;

const chatId = requiredString().regex(/^[\w-]{1,64}$/, "must be 1-64 letters, digits, _ or -");

/**
 * A part of a message: text (bounded), or what the AI SDK checks itself against the tools (tool
 * calls and their results, step starts).
 */
const part = z.looseObject({
  type: z
    .string()
    .regex(
      /^(text|step-start|tool-\w+|reasoning|source-url|data-\w+)$/,
      "is not a part this chat takes",
    ),
  text: z.string().max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters`).optional(),
});

// #region chat-body
/**
 * What useChat sends: the chat's id and its messages (the AI SDK's UI messages). Only user and
 * assistant messages: a client never gets to write the system prompt.
 */
export const chatBody = z.looseObject({
  id: chatId,
  messages: z
    .array(
      z.looseObject({
        id: z.string().max(100),
        role: z.enum(["user", "assistant"], { error: "must be user or assistant" }),
        parts: z.array(part).min(1).max(50),
      }),
    )
    .min(1, "must hold at least one message")
    .max(MAX_MESSAGES, `must hold at most ${MAX_MESSAGES} messages: start a new conversation`),
});
// #endregion
export type ChatBody = z.infer<typeof chatBody>;

/**
 * The metadata of an answer (the AI SDK's message metadata): which model wrote it, and how long
 * each of its tool calls ran on the server, in milliseconds by toolCallId.
 */
export type ChatMetadata = {
  model?: string;
  offline?: boolean;
  toolMs?: Record<string, number>;
};

export const conversationParams = z.strictObject({ id: chatId });

export const conversationView = z.strictObject({
  id: z.string(),
  model: z.string().describe("offline-rules, or provider:model"),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  messages: z.array(z.unknown()).describe("The AI SDK's UI messages"),
});
export type ConversationView = z.infer<typeof conversationView>;

const bodyProblems = [
  "malformed-request",
  "unsupported-media-type",
  "content-too-large",
  "validation",
] as const;

export const chat = defineOperation({
  method: "POST",
  path: "/api/v1/support/chat",
  summary: "Ask the support agent: the answer streams back as the AI SDK's UI message stream",
  description:
    "Server-sent events (text/event-stream), one JSON chunk per event: start, tool-input-available, tool-output-available, text-delta…, finish, then [DONE]. The x-ai-model header names the model; offline-rules is the built-in offline model.",
  bearer: true,
  body: chatBody,
  maxBodyBytes: MAX_CHAT_BYTES,
  responses: {
    200: {
      description: "The answer, streamed",
      contentType: "text/event-stream",
      headers: {
        "x-ai-model": {
          description: "The model answering: offline-rules, or provider:model",
          required: true,
        },
        "x-vercel-ai-ui-message-stream": {
          description: "v1: the AI SDK's UI message stream",
          required: true,
        },
      },
    },
  },
  problems: [...bodyProblems, "not-found", "budget-spent", "model-failed"],
});

export const readConversation = defineOperation({
  method: "GET",
  path: "/api/v1/support/conversations/{id}",
  summary: "One of your conversations with the support agent",
  bearer: true,
  params: conversationParams,
  responses: { 200: { description: "The conversation", body: conversationView } },
  problems: ["validation", "not-found"],
});

const evalResult = z.strictObject({
  id: z.string(),
  question: z.string(),
  passed: z.boolean(),
  expected: z.strictObject({
    tool: z.string(),
    args: z.record(z.string(), z.string()).describe("Each argument the call must have"),
    approval: z.boolean().describe("The call must wait for the user's confirmation"),
  }),
  needs: z.string().optional().describe("Set up this first: the question could not run"),
  error: z.string().optional(),
  calls: z.array(z.strictObject({ tool: z.string(), input: z.unknown() })),
  facts: z.array(z.strictObject({ fact: z.string(), found: z.boolean() })),
  answer: z.string(),
  ms: z.number(),
});
export type EvalResult = z.infer<typeof evalResult>;

export const evalReport = z.strictObject({
  model: z.string(),
  offline: z.boolean(),
  passed: z.number().int(),
  total: z.number().int(),
  results: z.array(evalResult),
});
export type EvalReport = z.infer<typeof evalReport>;

export const runEvals = defineOperation({
  method: "POST",
  path: "/api/v1/support/evals",
  summary: "Run the evaluation set against your agent, as the user of the token",
  description:
    "Each question goes through the same agent as the chat (model, tools, budgets: one question of the hourly budget each) and is graded: the expected tool called with the expected arguments, and the expected facts in the answer. Conversations are not stored.",
  bearer: true,
  responses: { 200: { description: "Each question passed or failed, and why", body: evalReport } },
  problems: ["token-required", "budget-spent"],
});

export const genaiSupportApi = [chat, readConversation, runEvals] as const;
