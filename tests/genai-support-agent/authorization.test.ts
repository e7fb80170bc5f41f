import { afterEach, describe, expect, it } from "vitest";
import { setSupportModelForTests } from "@/lib/genai-support-agent/model";
import { shop } from "../ecommerce-api/client";
import { expectProblem, newSandboxKey } from "../harness";
import { BOB, register, tokensFor } from "../jwt-auth/client";
import {
  aliceWithAnOrder,
  approve,
  ask,
  type Chunk,
  chat,
  chunksOf,
  conversation,
  type Msg,
} from "./client";
import { scriptModel, textStep, toolCallStep } from "./mock";

afterEach(() => setSupportModelForTests(undefined));

/** Bob, in the same sandbox as Alice, with an order of his own (order 2). */
async function bobWithAnOrder(key: string) {
  await register(key, BOB.email, BOB.password);
  const { accessToken } = await tokensFor(key, BOB.email, BOB.password);
  const res = await shop("POST", "/api/v1/shop/orders", {
    key,
    token: accessToken,
    headers: { "idempotency-key": '"bob-1"' },
    body: { items: [{ productId: 1, quantity: 1 }] },
  });
  expect(res.status).toBe(201);
  return accessToken;
}

const outputOf = (chunks: Chunk[]) =>
  chunks.find((c) => c.type === "tool-output-available")?.output;

describe("every tool acts as the token's user, whatever the model asks", () => {
  it("getOrderStatus on another user's order id: not found, like one that does not exist", async () => {
    const key = await newSandboxKey();
    const alice = await aliceWithAnOrder(key);
    await bobWithAnOrder(key);
    const model = scriptModel([toolCallStep("getOrderStatus", { orderId: 2 }), textStep("ok")]);
    const { chunks } = await chunksOf(await chat(key, ask("a1", "Show me order 2"), alice));
    expect(outputOf(chunks)).toEqual({ found: false, message: "You have no order 2." });
    // The model read the refusal, not Bob's order.
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).not.toContain("Ethiopia");
  });

  it("listMyOrders lists only the caller's orders (the user is not an input)", async () => {
    const key = await newSandboxKey();
    const alice = await aliceWithAnOrder(key);
    await bobWithAnOrder(key);
    // A model that tries to pass a user id gets it dropped: the schema has no such field.
    scriptModel([
      toolCallStep("listMyOrders", { limit: 10, userId: 3, accountId: 3 }),
      textStep("ok"),
    ]);
    const { chunks } = await chunksOf(await chat(key, ask("a2", "my orders"), alice));
    const output = outputOf(chunks) as { total: number; orders: { id: number }[] };
    expect(output.total).toBe(1);
    expect(output.orders.map((o) => o.id)).toEqual([1]);
  });

  it("openTicket about another user's order opens nothing", async () => {
    const key = await newSandboxKey();
    const alice = await aliceWithAnOrder(key);
    await bobWithAnOrder(key);
    scriptModel([
      toolCallStep("openTicket", { subject: "Refund", body: "refund it", orderId: 2 }),
      textStep("ok"),
    ]);
    const first = await chunksOf(await chat(key, ask("a3", "open a ticket"), alice));
    const request = first.chunks.find((c) => c.type === "tool-approval-request");
    expect(request).toBeDefined();
    // Approve it, as the chat's Confirm button does, and send the conversation back.
    const stored = (await (await conversation(key, "a3", alice)).json()) as { messages: Msg[] };
    scriptModel([textStep("done")]);
    const second = await chunksOf(
      await chat(key, { id: "a3", messages: approve(stored.messages, true) }, alice),
    );
    expect(outputOf(second.chunks)).toEqual({ opened: false, message: "You have no order 2." });
  });

  it("another sandbox's orders and products are out of reach, and its token is refused", async () => {
    const mine = await newSandboxKey();
    const theirs = await newSandboxKey();
    const alice = await aliceWithAnOrder(mine);
    const theirAlice = await aliceWithAnOrder(theirs);
    // Their admin renames product 7; our search never sees their catalog.
    const { accessToken: admin } = await tokensFor(theirs);
    const renamed = await shop("PATCH", "/api/v1/shop/products/7", {
      key: theirs,
      token: admin,
      headers: { "content-type": "application/merge-patch+json" },
      body: { name: "Their secret mug" },
    });
    expect(renamed.status).toBe(200);
    scriptModel([toolCallStep("searchProducts", { query: "secret" }), textStep("ok")]);
    const { chunks } = await chunksOf(await chat(mine, ask("s1", "secret"), alice));
    expect(outputOf(chunks)).toEqual({ total: 0, products: [] });
    // Their token in our sandbox: 401 before any model call.
    const model = scriptModel([textStep("never")]);
    await expectProblem(await chat(mine, ask("s2", "hi"), theirAlice), "invalid-token");
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it("a conversation is its user's: another user can neither read nor continue it", async () => {
    const key = await newSandboxKey();
    const alice = await aliceWithAnOrder(key);
    const bob = await bobWithAnOrder(key);
    scriptModel([textStep("hello Alice")]);
    const first = await chat(key, ask("private", "hi"), alice);
    expect(first.status).toBe(200);
    // The conversation is stored when its answer has streamed to the end.
    expect((await chunksOf(first)).done).toBe(true);
    await expectProblem(await conversation(key, "private", bob), "not-found");
    const model = scriptModel([textStep("never")]);
    await expectProblem(await chat(key, ask("private", "what did Alice say?"), bob), "not-found");
    expect(model.doStreamCalls).toHaveLength(0);
    expect((await conversation(key, "private", alice)).status).toBe(200);
  });
});
