import { asc, eq, gte, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { shopCartItem, shopOrder, shopOrderLine, shopProduct } from "@/db/schema/ecommerce-api";
import { HttpProblem } from "@/lib/http/problem";
import { claimIds } from "@/lib/sandbox/counter";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import type { Shopper } from "./cart";
import { CURRENCY, ORDER_IDS } from "./catalog";
import { requestHash } from "./idempotency";
import { getOrder, toOrderView } from "./orders";
import type { OrderView, PlaceOrderBody } from "./schemas";

/** Runs a step as a named span of the request's timeline (or just runs it). */
export type Step = <T>(name: string, description: string, work: () => Promise<T>) => Promise<T>;
const untimed: Step = (_name, _description, work) => work();

// Advisory locks in the two-key space: lib/sandbox/lock.ts uses 1 (sandboxes); 2 is the shop's
// Idempotency-Keys, keyed by a hash of sandbox, user and key.
const IDEMPOTENCY_LOCKS = 2;

/** A line to order, with where it was in the request (to name the field when it is refused). */
type Wanted = { productId: number; quantity: number; field?: string };

/** Rows of a raw query: postgres.js answers an array, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

// #region idempotency
/**
 * Claims the key for this transaction, or finds the order it already placed. Two requests with
 * one key never run side by side: the second finds the lock taken and is told to retry (409),
 * and once the first has committed, its order is found by the key.
 */
async function findByKey(
  tx: Transaction,
  { sandboxId, accountId, key }: Shopper & { key: string },
): Promise<{ id: number; requestHash: string | null } | undefined> {
  const [claim] = rowsOf<{ locked: boolean }>(
    await tx.execute(
      sql`select pg_try_advisory_xact_lock(${IDEMPOTENCY_LOCKS},
            hashtext(${sandboxId} || ':' || ${accountId} || ':' || ${key})) as locked`,
    ),
  );
  if (!claim?.locked) {
    throw new HttpProblem(
      "idempotency-key-in-use",
      `A request with Idempotency-Key ${JSON.stringify(key)} is being processed right now. Retry in a moment: you will get its answer.`,
    );
  }
  const [found] = await tx
    .select({ id: shopOrder.id, requestHash: shopOrder.requestHash })
    .from(shopOrder)
    .where(
      ownedBy(
        shopOrder,
        sandboxId,
        eq(shopOrder.accountId, accountId),
        eq(shopOrder.idempotencyKey, key),
      ),
    );
  return found;
}
// #endregion

/** Why a line's conditional UPDATE matched no row: no such product, not sold, or too few left. */
async function refusal(tx: Transaction, sandboxId: string, line: Wanted): Promise<HttpProblem> {
  const [product] = await tx
    .select({ name: shopProduct.name, stock: shopProduct.stock, active: shopProduct.active })
    .from(shopProduct)
    .where(ownedBy(shopProduct, sandboxId, eq(shopProduct.id, line.productId)));
  if (!product) {
    const message = `is not a product of your sandbox's shop`;
    return new HttpProblem(
      "validation",
      `Invalid body ${line.field}: product ${line.productId} ${message}.`,
      {
        errors: [{ in: "body", field: line.field ?? "items", message }],
      },
    );
  }
  const named = `product ${line.productId} (${product.name})`;
  if (!product.active) {
    return new HttpProblem("conflict", `Nothing was ordered: ${named} is no longer sold.`);
  }
  return new HttpProblem(
    "insufficient-stock",
    product.stock === 0
      ? `Nothing was ordered: ${named} is sold out, and you asked for ${line.quantity}.`
      : `Nothing was ordered: only ${product.stock} of ${named} left, and you asked for ${line.quantity}.`,
  );
}

// #region take-stock
/**
 * Takes the stock of every line, or refuses the order. Each UPDATE changes the row only if enough
 * is left, and locks it until the transaction ends: a concurrent order for the same product waits
 * here, then re-checks `stock >= quantity` against the stock this one left. Products are taken
 * in id order, so two orders never hold one row each while waiting for the other's (a deadlock).
 */
async function takeStock(tx: Transaction, sandboxId: string, wanted: Wanted[]) {
  const taken = [];
  for (const line of [...wanted].sort((a, b) => a.productId - b.productId)) {
    const [product] = await tx
      .update(shopProduct)
      .set({ stock: sql`${shopProduct.stock} - ${line.quantity}`, updatedAt: sql`now()` })
      .where(
        ownedBy(
          shopProduct,
          sandboxId,
          eq(shopProduct.id, line.productId),
          eq(shopProduct.active, true),
          gte(shopProduct.stock, line.quantity),
        ),
      )
      .returning({ name: shopProduct.name, priceCents: shopProduct.priceCents });
    // No row: the whole transaction rolls back, giving back what earlier lines took.
    if (!product) throw await refusal(tx, sandboxId, line);
    taken.push({ ...line, ...product });
  }
  return taken;
}
// #endregion

/** The cart's lines, to order; 409 when it is empty. */
async function cartToOrder(tx: Transaction, { sandboxId, accountId }: Shopper): Promise<Wanted[]> {
  const items = await tx
    .select({ productId: shopCartItem.productId, quantity: shopCartItem.quantity })
    .from(shopCartItem)
    .where(ownedBy(shopCartItem, sandboxId, eq(shopCartItem.accountId, accountId)))
    .orderBy(asc(shopCartItem.productId));
  if (items.length === 0) {
    throw new HttpProblem(
      "conflict",
      "Your cart is empty: put products in it (PUT /api/v1/shop/cart/items/{productId}), or send items.",
    );
  }
  return items;
}

// #region place-order
/**
 * Places one order in one transaction: the Idempotency-Key first (a retry answers the order the
 * key placed), then the stock of every line, then the order, its lines and (from the cart) the
 * emptied cart. Any refusal rolls all of it back.
 */
export async function placeOrder({
  sandboxId,
  accountId,
  body,
  key,
  step = untimed,
}: Shopper & { body: PlaceOrderBody; key?: string; step?: Step }): Promise<{
  order: OrderView;
  replayed: boolean;
}> {
  const shopper = { sandboxId, accountId };
  const hash = key === undefined ? null : requestHash(body);
  return sandboxTransaction(sandboxId, async (tx) => {
    if (key !== undefined) {
      const earlier = await step("idempotency", "Claim the Idempotency-Key", () =>
        findByKey(tx, { ...shopper, key }),
      );
      if (earlier && earlier.requestHash !== hash) {
        throw new HttpProblem(
          "idempotency-key-reused",
          `You already used Idempotency-Key ${JSON.stringify(key)} for order ${earlier.id}, with another body. A key names one request: send that request again to get order ${earlier.id}, or use a new key for a new order.`,
        );
      }
      if (earlier) {
        const order = await step("replay", "Answer the order this key placed", () =>
          getOrder(tx, { ...shopper, id: earlier.id }),
        );
        return { order, replayed: true };
      }
    }
    const wanted: Wanted[] = body.items
      ? body.items.map((item, i) => ({ ...item, field: `items.${i}.productId` }))
      : await step("cart", "Read the cart", () => cartToOrder(tx, shopper));
    const taken = await step("stock", "Take the stock (conditional UPDATEs)", () =>
      takeStock(tx, sandboxId, wanted),
    );
    const order = await step("order", "Write the order and its lines", async () => {
      const id = await claimIds(tx, { sandboxId, name: ORDER_IDS });
      const lines = taken.map((line) => ({
        sandboxId,
        orderId: id,
        productId: line.productId,
        name: line.name,
        unitPriceCents: line.priceCents,
        quantity: line.quantity,
        lineTotalCents: line.priceCents * line.quantity,
      }));
      const [order] = await tx
        .insert(shopOrder)
        .values({
          sandboxId,
          id,
          accountId,
          currency: CURRENCY,
          totalCents: lines.reduce((sum, line) => sum + line.lineTotalCents, 0),
          idempotencyKey: key ?? null,
          requestHash: hash,
        })
        .returning();
      await tx.insert(shopOrderLine).values(lines);
      if (body.fromCart) {
        await tx
          .delete(shopCartItem)
          .where(ownedBy(shopCartItem, sandboxId, eq(shopCartItem.accountId, accountId)));
      }
      if (!order) throw new Error("the order insert returned no row");
      return toOrderView(order, lines);
    });
    return { order, replayed: false };
  });
}
// #endregion
