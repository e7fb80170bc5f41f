import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import { afterEach, describe, expect, it } from "vitest";
import { evalSet } from "@/content/lessons/genai-support-agent/evals";
import type { EvalReport } from "@/lib/genai-support-agent/contract";
import { setSupportModelForTests } from "@/lib/genai-support-agent/model";
import { expectProblem, newSandboxKey } from "../harness";
import { ALICE, register, tokensFor } from "../jwt-auth/client";
import { aliceWithAnOrder, runEvals } from "./client";
import { textStep } from "./mock";

afterEach(() => setSupportModelForTests(undefined));

describe("the evaluation set", () => {
  it("passes every question on the offline model once the user has an order, grading tools, arguments and facts", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    const res = await runEvals(key, token);
    expect(res.status).toBe(200);
    const report = (await res.json()) as EvalReport;
    const failed = report.results.filter((r) => !r.passed);
    expect(failed).toEqual([]);
    expect([report.model, report.offline, report.passed, report.total]).toEqual([
      "offline-rules",
      true,
      evalSet.length,
      evalSet.length,
    ]);
    const status = report.results.find((r) => r.id === "order-status");
    expect(status?.question).toBe("What is the status of order 1?");
    expect(status?.calls).toEqual([{ tool: "getOrderStatus", input: { orderId: 1 } }]);
    expect(status?.facts).toEqual([
      { fact: "placed", found: true },
      { fact: "$48.00", found: true },
    ]);
    // The ticket question waits for confirmation: nothing is written.
    const ticket = report.results.find((r) => r.id === "ticket-waits-for-confirmation");
    expect(ticket?.calls[0]?.tool).toBe("openTicket");
    // The tool spans of every question are in the timeline.
    expect(res.headers.get("server-timing")).toContain("tool:getOrderStatus");
  });

  it("says what setup a question needs, and fails it, when the user has no order", async () => {
    const key = await newSandboxKey();
    await register(key, ALICE.email, ALICE.password);
    const { accessToken } = await tokensFor(key, ALICE.email, ALICE.password);
    const report = (await (await runEvals(key, accessToken)).json()) as EvalReport;
    const needing = report.results.filter((r) => r.needs);
    expect(needing.map((r) => [r.id, r.passed])).toEqual([
      ["where-is-my-order", false],
      ["order-status", false],
    ]);
    expect(needing[0]?.needs).toContain("POST /api/v1/shop/orders");
    expect(report.passed).toBe(evalSet.length - 2);
  });

  it("fails the questions of a model that answers without tools, naming what was missing", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    const model = new MockLanguageModelV3({
      doStream: async () => ({
        stream: simulateReadableStream({ chunks: textStep("I am sure it is fine.") }),
      }),
    });
    setSupportModelForTests({ model, label: "mock:lazy", offline: false });
    const report = (await (await runEvals(key, token)).json()) as EvalReport;
    expect(report.passed).toBe(0);
    const returns = report.results.find((r) => r.id === "returns-policy");
    expect(returns).toMatchObject({
      passed: false,
      calls: [],
      facts: [],
      answer: "I am sure it is fine.",
      expected: { tool: "searchKnowledgeBase", args: { query: 'contains "return"' } },
    });
  });

  it("needs a user's access token", async () => {
    const key = await newSandboxKey();
    await expectProblem(await runEvals(key), "token-required");
  });
});
