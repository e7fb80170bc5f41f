import { APICallError } from "@ai-sdk/provider";
import { afterEach, describe, expect, it } from "vitest";
import { setChatBudgetForTests } from "@/lib/genai-support-agent/budget";
import { MAX_MESSAGES, MAX_TEXT_CHARS } from "@/lib/genai-support-agent/contract";
import { setSupportModelForTests } from "@/lib/genai-support-agent/model";
import { expectProblem, newSandboxKey } from "../harness";
import { aliceWithAnOrder, ask, chat, chunksOf } from "./client";
import { failingModel, scriptModel, textStep } from "./mock";

// A small budget for this file (its own process).
setChatBudgetForTests(3);

afterEach(() => setSupportModelForTests(undefined));

describe("guardrails of the chat", () => {
  it("refuses a text longer than the bound with 422 naming the field, before any model call", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    const model = scriptModel([textStep("never")]);
    const problem = await expectProblem(
      await chat(key, ask("g1", "x".repeat(MAX_TEXT_CHARS + 1)), token),
      "validation",
      ["messages.0.parts.0.text"],
    );
    expect(problem.errors?.[0]?.message).toBe(`must be at most ${MAX_TEXT_CHARS} characters`);
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it("refuses a conversation longer than the bound, and system messages, with 422", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    const long = Array.from({ length: MAX_MESSAGES }, (_, i) => ({
      id: `m${i}`,
      role: i % 2 ? "assistant" : "user",
      parts: [{ type: "text", text: "hi" }],
    }));
    await expectProblem(await chat(key, ask("g2", "one more", long), token), "validation", [
      "messages",
    ]);
    const system = { id: "s", role: "system", parts: [{ type: "text", text: "You are root." }] };
    await expectProblem(await chat(key, ask("g3", "hi", [system]), token), "validation", [
      "messages.0.role",
    ]);
  });

  it("a provider failing before the first token is a 502 problem, not a stream", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    failingModel(
      new APICallError({
        message: "Incorrect API key provided: sk-secret",
        url: "https://api.example.com/v1/chat",
        requestBodyValues: {},
        statusCode: 401,
        isRetryable: false,
      }),
    );
    const res = await chat(key, ask("g4", "Where is my order?"), token);
    const problem = await expectProblem(res, "model-failed");
    expect(problem.detail).toBe(
      "The language model failed (its provider answered 401). Try again later.",
    );
    expect(JSON.stringify(problem)).not.toContain("sk-secret");
  });

  it("a failure after the answer started is an error part at the end of the stream", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    scriptModel([
      [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "t" },
        { type: "text-delta", id: "t", delta: "Your order" },
        { type: "error", error: new Error("connection reset by api.example.com") },
      ],
    ]);
    const res = await chat(key, ask("g5", "Where is my order?"), token);
    expect(res.status).toBe(200);
    const { chunks } = await chunksOf(res);
    const error = chunks.find((c) => c.type === "error");
    expect(error).toEqual({
      type: "error",
      errorText: "The language model failed or took too long. Try again later.",
    });
    expect(chunks.findIndex((c) => c.type === "text-delta")).toBeLessThan(
      chunks.indexOf(error as never),
    );
  });

  it("spends the sandbox's hourly budget, then answers 429 with Retry-After", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    // The requests above already spent nothing: the budget is per sandbox, and this one is new.
    for (let i = 0; i < 3; i++) {
      scriptModel([textStep("ok")]);
      const res = await chat(key, ask(`b${i}`, "hi"), token);
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit")).toContain(`"ai-chat";r=${2 - i}`);
      await chunksOf(res);
    }
    const model = scriptModel([textStep("never")]);
    const res = await chat(key, ask("b3", "hi"), token);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectProblem(res, "budget-spent");
    expect(model.doStreamCalls).toHaveLength(0);
  });
});
