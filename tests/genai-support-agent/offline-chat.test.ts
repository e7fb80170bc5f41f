import { describe, expect, it } from "vitest";
import { newSandboxKey } from "../harness";
import { aliceWithAnOrder, ask, chat, chunksOf, conversation, textOf } from "./client";

describe("the chat on the offline model", () => {
  it("answers 'where is my order?' with a real listMyOrders call and its real result, streamed", async () => {
    const key = await newSandboxKey();
    const token = await aliceWithAnOrder(key);
    const res = await chat(key, ask("c1", "Where is my order?"), token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("x-ai-model")).toBe("offline-rules");
    const { chunks, done } = await chunksOf(res);
    expect(done).toBe(true);
    const call = chunks.find((c) => c.type === "tool-input-available");
    expect(call).toMatchObject({ toolName: "listMyOrders", input: { limit: 5 } });
    const output = chunks.find((c) => c.type === "tool-output-available");
    expect(output).toMatchObject({
      output: { total: 1, orders: [{ id: 1, status: "placed", total: "$48.00" }] },
    });
    expect(textOf(chunks)).toContain("#1");
    expect(chunks.filter((c) => c.type === "text-delta").length).toBeGreaterThan(5);
    const stored = await conversation(key, "c1", token);
    expect(stored.status).toBe(200);
  });
});
