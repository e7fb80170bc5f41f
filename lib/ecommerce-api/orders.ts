import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type Db, getDb, type Transaction } from "@/db";
import {
  type ShopOrder,
  type ShopOrderLine,
  shopOrder,
  shopOrderLine,
} from "@/db/schema/ecommerce-api";
import { HttpProblem } from "@/lib/http/problem";
import { ownedBy } from "@/lib/sandbox/scope";
import type { Shopper } from "./cart";
import type { OrderView } from "./schemas";

export function toOrderView(order: ShopOrder, lines: ShopOrderLine[]): OrderView {
  return {
    id: order.id,
    status: order.status,
    currency: order.currency,
    totalCents: order.totalCents,
    createdAt: order.createdAt.toISOString(),
    lines: lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      lineTotalCents: line.lineTotalCents,
    })),
  };
}

/** The lines of some orders of one sandbox, by order id, each in product id order. */
async function linesOf(db: Db | Transaction, sandboxId: string, orderIds: number[]) {
  const byOrder = new Map<number, ShopOrderLine[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const lines = await db
    .select()
    .from(shopOrderLine)
    .where(ownedBy(shopOrderLine, sandboxId, inArray(shopOrderLine.orderId, orderIds)))
    .orderBy(asc(shopOrderLine.orderId), asc(shopOrderLine.productId));
  for (const line of lines) byOrder.get(line.orderId)?.push(line);
  return byOrder;
}

/**
 * One order of one user. Another user's order is "not found", exactly like one that does not
 * exist: a 403 would confirm that order 1 exists and is somebody else's.
 */
export async function getOrder(
  db: Db | Transaction,
  { sandboxId, accountId, id }: Shopper & { id: number },
): Promise<OrderView> {
  const [order] = await db
    .select()
    .from(shopOrder)
    .where(ownedBy(shopOrder, sandboxId, eq(shopOrder.accountId, accountId), eq(shopOrder.id, id)));
  if (!order) throw new HttpProblem("not-found", `You have no order ${id}.`);
  const lines = await linesOf(db, sandboxId, [id]);
  return toOrderView(order, lines.get(id) ?? []);
}

export async function readOrder(input: Shopper & { id: number }): Promise<OrderView> {
  return getOrder(await getDb(), input);
}

/** A page of one user's orders, newest first, with their lines. */
export async function listOrders({
  sandboxId,
  accountId,
  page,
  limit,
}: Shopper & { page: number; limit: number }): Promise<{ orders: OrderView[]; total: number }> {
  const db = await getDb();
  const mine = ownedBy(shopOrder, sandboxId, eq(shopOrder.accountId, accountId));
  const rows = await db
    .select({ order: shopOrder, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(shopOrder)
    .where(mine)
    .orderBy(desc(shopOrder.id))
    .limit(limit)
    .offset((page - 1) * limit);
  let total = rows[0]?.total;
  if (total === undefined) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(shopOrder)
      .where(and(mine));
    total = counted?.n ?? 0;
  }
  const lines = await linesOf(
    db,
    sandboxId,
    rows.map((r) => r.order.id),
  );
  return {
    orders: rows.map((r) => toOrderView(r.order, lines.get(r.order.id) ?? [])),
    total,
  };
}
