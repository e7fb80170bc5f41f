import { MockLanguageModelV3 } from "ai/test";
import { afterEach, describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import * as triageRoute from "@/app/api/v1/(genai-basics)/genai/triage/route";
import lesson from "@/content/lessons/genai-basics/lesson";
import { triageMessage } from "@/lib/genai-basics/contract";
import { setSupportModelForTests } from "@/lib/genai-support-agent/model";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, expectProblem, newSandboxKey } from "../harness";
import { answerOf, replayAll, type Send } from "../support/replay-examples";

afterEach(() => setSupportModelForTests(undefined));

const triage = (key: string, body: unknown) =>
  call(triageRoute.POST, "/api/v1/genai/triage", {}, { method: "POST", key, body });

/** A mock model whose one answer is `text`. */
function answering(text: string) {
  const model = new MockLanguageModelV3({
    doGenerate: {
      content: [{ type: "text", text }],
      finishReason: { unified: "stop", raw: undefined },
      usage: {
        inputTokens: { total: 30, noCache: 30, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: 12, text: 12, reasoning: undefined },
      },
      warnings: [],
    },
  });
  setSupportModelForTests({ model, label: "mock:json", offline: false });
  return model;
}

describe("POST /api/v1/genai/triage", () => {
  it("on the offline model: the rules' object, labelled offline-rules", async () => {
    const key = await newSandboxKey();
    const res = await triage(key, {
      message: "Order 2 still has not shipped and I need it today!",
    });
    expect(res.headers.get("x-ai-model")).toBe("offline-rules");
    const view = await expectConforms(triageMessage, res);
    expect(view.triage).toEqual({
      intent: "shipping",
      orderId: 2,
      sentiment: "negative",
      urgent: true,
    });
    expect(view.model).toBe("offline-rules");
  });

  it("sends the schema to the model as JSON and returns its validated object", async () => {
    const key = await newSandboxKey();
    const model = answering(
      '{"intent":"returns","orderId":null,"sentiment":"neutral","urgent":false}',
    );
    const res = await triage(key, { message: "How do I return a book?", temperature: 0.5 });
    const view = await expectConforms(triageMessage, res);
    expect(view).toEqual({
      triage: { intent: "returns", orderId: null, sentiment: "neutral", urgent: false },
      model: "mock:json",
      usage: { inputTokens: 30, outputTokens: 12 },
    });
    const sent = model.doGenerateCalls[0];
    expect(sent?.temperature).toBe(0.5);
    expect(sent?.responseFormat).toMatchObject({ type: "json", schema: { type: "object" } });
  });

  it("an answer that does not fit the schema is a 502 problem, not data", async () => {
    const key = await newSandboxKey();
    answering('{"intent":"refund please","orderId":"two"}');
    await expectProblem(await triage(key, { message: "refund" }), "model-failed");
  });

  it("validates before calling the model: 422 naming each field", async () => {
    const key = await newSandboxKey();
    const model = answering("{}");
    await expectProblem(await triage(key, { message: " ", temperature: 3 }), "validation", [
      "message",
      "temperature",
    ]);
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});

describe("the GenAI basics lesson", () => {
  it("answers its examples as the page says, and its checks pass once they are sent", async () => {
    const key = await newSandboxKey();
    const failing = async () => {
      const res = await call(
        checkRoute,
        "/api/progress/genai-basics/check",
        { slug: "genai-basics" },
        { method: "POST", key },
      );
      return (await expectConforms(checkWork, res)).checks
        .filter((c) => !c.passed)
        .map((c) => c.id);
    };
    expect(await failing()).toEqual(lesson.checks.map((c) => c.id));
    const send: Send = async (request) => answerOf(await triage(key, request.body ?? undefined));
    expect(await replayAll(lesson.examples, send)).toBeNull();
    expect(await failing()).toEqual([]);
  });
});
