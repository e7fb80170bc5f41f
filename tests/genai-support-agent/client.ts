import * as chatRoute from "@/app/api/v1/(genai-support-agent)/support/chat/route";
import * as conversationRoute from "@/app/api/v1/(genai-support-agent)/support/conversations/[id]/route";
import * as evalsRoute from "@/app/api/v1/(genai-support-agent)/support/evals/route";
import { shop } from "../ecommerce-api/client";
import { call } from "../harness";
import { ALICE, register, tokensFor } from "../jwt-auth/client";

/** One user message, as useChat sends it. */
export const ask = (id: string, text: string, earlier: unknown[] = []) => ({
  id,
  messages: [
    ...earlier,
    { id: `u${earlier.length + 1}`, role: "user", parts: [{ type: "text", text }] },
  ],
});

export function chat(
  key: string,
  body: unknown,
  token?: string,
  signal?: AbortSignal,
): Promise<Response> {
  return call(
    chatRoute.POST,
    "/api/v1/support/chat",
    {},
    {
      method: "POST",
      key,
      body,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal,
    },
  );
}

export function runEvals(key: string, token?: string): Promise<Response> {
  return call(
    evalsRoute.POST,
    "/api/v1/support/evals",
    {},
    { method: "POST", key, headers: token ? { authorization: `Bearer ${token}` } : {} },
  );
}

export function conversation(key: string, id: string, token?: string): Promise<Response> {
  return call(
    conversationRoute.GET,
    `/api/v1/support/conversations/${id}`,
    { id },
    {
      key,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    },
  );
}

export type Chunk = { type: string; [field: string]: unknown };

/** The UI message stream's chunks: `data: {json}` events, ending with `data: [DONE]`. */
export async function chunksOf(res: Response): Promise<{ chunks: Chunk[]; done: boolean }> {
  const text = await res.text();
  const events = text.split("\n\n").filter((e) => e.startsWith("data: "));
  const datas = events.map((e) => e.slice("data: ".length));
  const done = datas.at(-1) === "[DONE]";
  return { chunks: datas.filter((d) => d !== "[DONE]").map((d) => JSON.parse(d) as Chunk), done };
}

export const textOf = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta as string)
    .join("");

/** Registers Alice, logs her in, and gives her one order of two mugs (order 1). */
export async function aliceWithAnOrder(key: string) {
  await register(key, ALICE.email, ALICE.password);
  const { accessToken } = await tokensFor(key, ALICE.email, ALICE.password);
  const res = await shop("POST", "/api/v1/shop/orders", {
    key,
    token: accessToken,
    headers: { "idempotency-key": `"mugs-${crypto.randomUUID()}"` },
    body: { items: [{ productId: 7, quantity: 2 }] },
  });
  if (res.status !== 201) throw new Error(`order: ${res.status} ${await res.text()}`);
  return accessToken;
}

export type Msg = {
  role: string;
  parts: { type: string; state?: string; approval?: { id: string } }[];
};

/** The conversation with its pending approval answered, as useChat's addToolApprovalResponse does. */
export function approve(messages: Msg[], approved: boolean): Msg[] {
  return messages.map((m) => ({
    ...m,
    parts: m.parts.map((p) =>
      p.state === "approval-requested" && p.approval
        ? { ...p, state: "approval-responded", approval: { id: p.approval.id, approved } }
        : p,
    ),
  }));
}
