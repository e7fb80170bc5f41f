import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { GET as showSandbox } from "@/app/api/sandbox/route";
import { getDb } from "@/db";
import { supportTokenUsage } from "@/db/schema/genai";
import { setTokenBudgetForTests } from "@/lib/genai-support-agent/budget";
import { setSupportModelForTests } from "@/lib/genai-support-agent/model";
import { call, expectProblem, newSandboxKey } from "../harness";
import { aliceWithAnOrder, ask, chat, chunksOf, conversation } from "./client";
import { scriptModel, textStep } from "./mock";

afterEach(() => {
  setSupportModelForTests(undefined);
  setTokenBudgetForTests(undefined);
});

async function sandboxIdOf(key: string): Promise<string> {
  const res = await call(showSandbox, "/api/sandbox", {}, { key });
  return ((await res.json()) as { id: string }).id;
}

async function usageRows(key: string) {
  const db = await getDb();
  return db
    .select()
    .from(supportTokenUsage)
    .where(eq(supportTokenUsage.sandboxId, await sandboxIdOf(key)));
}

describe("the hourly token budget", () => {
  it("adds each answer's tokens (in + out, as the model reported them) and answers 429 with Retry-After once they reach the budget, before the model is called", async () => {
    setTokenBudgetForTests(30);
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    // Each scripted answer reports 10 tokens in and 5 out.
    const model = scriptModel([textStep("One."), textStep("Two.")]);
    for (const id of ["t1", "t2"]) {
      const res = await chat(key, ask(id, "hello"), token);
      expect(res.status).toBe(200);
      await chunksOf(res);
    }
    const rows = await usageRows(key);
    expect(rows.map((r) => [r.inputTokens, r.outputTokens])).toEqual([
      [10, 5],
      [10, 5],
    ]);
    const refused = await chat(key, ask("t3", "hello again"), token);
    const problem = await expectProblem(refused, "budget-spent");
    expect(refused.status).toBe(429);
    expect(problem.detail).toMatch(
      /^Your sandbox's support agent used 30 tokens in the last hour \(in \+ out, as the model counted them\); its budget is 30\. Try again in \d+ seconds\.$/,
    );
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(model.doStreamCalls).toHaveLength(2);
    // Another sandbox has its own budget.
    const other = await newSandboxKey();
    const otherToken = await aliceWithAnOrder(other);
    scriptModel([textStep("Fine.")]);
    expect((await chat(other, ask("t4", "hello"), otherToken)).status).toBe(200);
  });

  it("counts the offline model's tokens as it reports them: the prompt's words in, the streamed pieces out", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    const { chunks } = await chunksOf(await chat(key, ask("t5", "Where is my order?"), token));
    const pieces = chunks.filter((c) => c.type === "text-delta").length;
    const [row] = await usageRows(key);
    // Two model calls: the tool call (1 token out), then the answer (its pieces).
    expect(row?.outputTokens).toBe(1 + pieces);
    expect(row?.inputTokens).toBeGreaterThan(2 * "Where is my order?".split(" ").length);
  });
});

describe("a client that leaves mid-answer", () => {
  it("still gets its conversation stored with what was said, and its tokens counted", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    const said = ["Your", " order", " #1", " is"];
    // A model that streams four pieces, then waits until the request is aborted.
    const model = new MockLanguageModelV3({
      doStream: async ({ abortSignal }) => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            controller.enqueue({ type: "stream-start", warnings: [] });
            controller.enqueue({ type: "text-start", id: "t" });
            for (const delta of said) controller.enqueue({ type: "text-delta", id: "t", delta });
            abortSignal?.addEventListener("abort", () => controller.error(abortSignal.reason));
          },
        }),
      }),
    });
    setSupportModelForTests({ model, label: "mock:slow", offline: false });
    const client = new AbortController();
    const res = await chat(key, ask("left-1", "Where is my order?"), token, client.signal);
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!seen.includes('"delta":" is"')) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended before the answer's fourth piece");
      seen += decoder.decode(value);
    }
    // The client goes away mid-answer.
    client.abort();
    await reader.cancel();
    await expect
      .poll(async () => (await conversation(key, "left-1", token)).status, { timeout: 10_000 })
      .toBe(200);
    const stored = (await (await conversation(key, "left-1", token)).json()) as {
      messages: { role: string; parts: { type: string; text?: string }[] }[];
    };
    expect(stored.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    const text = stored.messages[1]?.parts.find((p) => p.type === "text")?.text;
    expect(text).toBe("Your order #1 is");
    // The four pieces streamed are counted as output tokens.
    await expect.poll(async () => (await usageRows(key))[0]?.outputTokens).toBe(4);
  });
});
