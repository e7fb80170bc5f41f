import { type InferUITools, tool } from "ai";
import { z } from "zod";
import { getDb } from "@/db";
import { supportTicket } from "@/db/schema/genai";
import { listOrders, readOrder } from "@/lib/ecommerce-api/orders";
import { getProduct, listProducts } from "@/lib/ecommerce-api/products";
import { HttpProblem } from "@/lib/http/problem";
import type { Timing } from "@/lib/http/timing";
import { claimIds } from "@/lib/sandbox/counter";
import { searchArticles } from "./knowledge";

/** Who the tools act for: the user of the verified access token, in the caller's sandbox. */
export type Principal = { sandboxId: string; accountId: number };

export const TICKET_IDS = "support_ticket";

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** Each tool call's duration in ms, by its toolCallId (the chat shows it on the call's step). */
export type ToolDurations = Map<string, number>;

/** "Not found" for the model to read, the same for someone else's order and for none at all. */
async function orFound<T>(work: () => Promise<T>): Promise<T | { found: false; message: string }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpProblem && error.kind === "not-found")
      return { found: false, message: error.detail };
    throw error;
  }
}

// #region tools
/**
 * The agent's tools. Note what is *not* an input: the user and the sandbox. They come from the
 * verified access token (`principal`), so whatever the model is told — by the user, or by text
 * hidden in a product's name — it can only ever read and write this user's data.
 */
export function supportTools(principal: Principal, timing: Timing, durations?: ToolDurations) {
  const { sandboxId, accountId } = principal;
  /**
   * A tool's work timed as the span `tool:<name>` (the request log, Server-Timing and the
   * timeline show it), and its duration kept by call id for the chat.
   */
  const timed = async <T>(
    name: string,
    { toolCallId }: { toolCallId: string },
    work: () => Promise<T>,
  ) => {
    const start = performance.now();
    try {
      return await timing.span(`tool:${name}`, `Tool ${name}`, work);
    } finally {
      durations?.set(toolCallId, Math.round((performance.now() - start) * 10) / 10);
    }
  };
  return {
    listMyOrders: tool({
      description: "List the signed-in customer's most recent orders, newest first.",
      inputSchema: z.object({
        limit: z.number().int().min(1).max(10).default(5).describe("How many orders, 1-10"),
      }),
      execute: ({ limit }, call) =>
        timed("listMyOrders", call, async () => {
          const { orders, total } = await listOrders({ sandboxId, accountId, page: 1, limit });
          return {
            total,
            orders: orders.map((o) => ({
              id: o.id,
              status: o.status,
              total: money(o.totalCents),
              placedAt: o.createdAt,
              items: o.lines.map((l) => `${l.quantity} × ${l.name}`),
            })),
          };
        }),
    }),
    getOrderStatus: tool({
      description: "The status and contents of one of the signed-in customer's orders, by its id.",
      inputSchema: z.object({ orderId: z.number().int().positive().describe("The order's id") }),
      execute: ({ orderId }, call) =>
        timed("getOrderStatus", call, () =>
          orFound(async () => {
            const o = await readOrder({ sandboxId, accountId, id: orderId });
            return {
              found: true as const,
              id: o.id,
              status: o.status,
              total: money(o.totalCents),
              placedAt: o.createdAt,
              items: o.lines.map((l) => `${l.quantity} × ${l.name}`),
            };
          }),
        ),
    }),
    searchProducts: tool({
      description: "Search the shop's products on sale by words in their name.",
      inputSchema: z.object({
        query: z.string().trim().min(1).max(100).describe("Words to look for in product names"),
      }),
      execute: ({ query }, call) =>
        timed("searchProducts", call, async () => {
          const { rows, total } = await listProducts({
            sandboxId,
            q: query,
            page: 1,
            limit: 5,
            sort: "id",
          });
          return {
            total,
            products: rows.map((p) => ({
              id: p.id,
              name: p.name,
              price: money(p.priceCents),
              inStock: p.stock > 0,
            })),
          };
        }),
    }),
    checkStock: tool({
      description: "How many units of one product are left, by the product's id.",
      inputSchema: z.object({
        productId: z.number().int().positive().describe("The product's id"),
      }),
      execute: ({ productId }, call) =>
        timed("checkStock", call, () =>
          orFound(async () => {
            const p = await getProduct({ sandboxId, id: productId });
            return {
              found: true as const,
              id: p.id,
              name: p.name,
              stock: p.stock,
              onSale: p.active,
            };
          }),
        ),
    }),
    searchKnowledgeBase: tool({
      description:
        "Search the shop's support articles (returns, refunds, shipping, payment, warranty, cancelling). Cite the article's slug in the answer.",
      inputSchema: z.object({
        query: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .describe("The customer's question, or its keywords"),
      }),
      execute: ({ query }, call) =>
        timed("searchKnowledgeBase", call, async () => ({
          articles: (await searchArticles({ sandboxId, query })).map(({ slug, title, body }) => ({
            slug,
            title,
            body,
          })),
        })),
    }),
    openTicket: tool({
      description:
        "Open a support ticket for the signed-in customer. A write: the customer confirms it first.",
      inputSchema: z.object({
        subject: z.string().trim().min(3).max(120),
        body: z.string().trim().min(1).max(2000),
        orderId: z.number().int().positive().optional().describe("The order it is about, if any"),
      }),
      // The AI SDK stops before running it and asks the client; it runs only once approved.
      needsApproval: true,
      execute: ({ subject, body, orderId }, call) =>
        timed("openTicket", call, async () => {
          if (orderId !== undefined) {
            // A ticket may only name the customer's own order.
            const own = await orFound(() => readOrder({ sandboxId, accountId, id: orderId }));
            if ("found" in own && own.found === false)
              return { opened: false, message: own.message };
          }
          const db = await getDb();
          const ticket = await db.transaction(async (tx) => {
            const id = await claimIds(tx, { sandboxId, name: TICKET_IDS });
            const [row] = await tx
              .insert(supportTicket)
              .values({ sandboxId, id, accountId, subject, body, orderId })
              .returning();
            return row;
          });
          if (!ticket) throw new Error("ticket insert returned no row");
          return {
            opened: true,
            ticketId: ticket.id,
            subject: ticket.subject,
            status: ticket.status,
          };
        }),
    }),
  };
}
// #endregion

export type SupportTools = ReturnType<typeof supportTools>;
export type SupportUITools = InferUITools<SupportTools>;
export const TOOL_NAMES = [
  "listMyOrders",
  "getOrderStatus",
  "searchProducts",
  "checkStock",
  "searchKnowledgeBase",
  "openTicket",
] as const satisfies readonly (keyof SupportTools)[];
