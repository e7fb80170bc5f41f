import { and, asc, eq, ne, sql } from "drizzle-orm";
import { type Db, getDb, type Transaction } from "@/db";
import { shopCartItem, shopProduct } from "@/db/schema/ecommerce-api";
import { HttpProblem } from "@/lib/http/problem";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import { CURRENCY } from "./catalog";
import { notFound } from "./products";
import { type CartView, MAX_CART_LINES } from "./schemas";

/** Whose cart: one user of one sandbox. */
export type Shopper = { sandboxId: string; accountId: number };

/** The cart's lines joined with their products as they are now. */
export async function cartLines(db: Db | Transaction, { sandboxId, accountId }: Shopper) {
  return db
    .select({
      productId: shopCartItem.productId,
      quantity: shopCartItem.quantity,
      sku: shopProduct.sku,
      name: shopProduct.name,
      priceCents: shopProduct.priceCents,
      stock: shopProduct.stock,
      active: shopProduct.active,
    })
    .from(shopCartItem)
    .innerJoin(
      shopProduct,
      and(
        eq(shopProduct.sandboxId, shopCartItem.sandboxId),
        eq(shopProduct.id, shopCartItem.productId),
      ),
    )
    .where(ownedBy(shopCartItem, sandboxId, eq(shopCartItem.accountId, accountId)))
    .orderBy(asc(shopCartItem.addedAt), asc(shopCartItem.productId));
}

type CartLine = Awaited<ReturnType<typeof cartLines>>[number];

export function toCartView(lines: CartLine[]): CartView {
  const items = lines.map((line) => ({
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    unitPriceCents: line.priceCents,
    quantity: line.quantity,
    lineTotalCents: line.priceCents * line.quantity,
    available: line.active && line.stock >= line.quantity,
  }));
  return {
    items,
    totalCents: items.reduce((sum, item) => sum + item.lineTotalCents, 0),
    currency: CURRENCY,
  };
}

export async function readCart(shopper: Shopper): Promise<CartView> {
  return toCartView(await cartLines(await getDb(), shopper));
}

/** Puts `quantity` of a product in the cart (replacing what was there); the product must be on sale. */
export async function putCartItem({
  sandboxId,
  accountId,
  productId,
  quantity,
}: Shopper & { productId: number; quantity: number }): Promise<CartView> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [product] = await tx
      .select({ name: shopProduct.name, active: shopProduct.active })
      .from(shopProduct)
      .where(ownedBy(shopProduct, sandboxId, eq(shopProduct.id, productId)));
    if (!product) throw notFound(productId);
    if (!product.active) {
      throw new HttpProblem(
        "conflict",
        `Product ${productId} (${product.name}) is no longer sold, so it cannot go in a cart.`,
      );
    }
    const [others] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(shopCartItem)
      .where(
        ownedBy(
          shopCartItem,
          sandboxId,
          eq(shopCartItem.accountId, accountId),
          ne(shopCartItem.productId, productId),
        ),
      );
    if ((others?.n ?? 0) >= MAX_CART_LINES) {
      throw new HttpProblem(
        "conflict",
        `Your cart already holds ${MAX_CART_LINES} different products, the most an order takes. Order them, or take one out first.`,
      );
    }
    await tx
      .insert(shopCartItem)
      .values({ sandboxId, accountId, productId, quantity })
      .onConflictDoUpdate({
        target: [shopCartItem.sandboxId, shopCartItem.accountId, shopCartItem.productId],
        set: { quantity },
      });
    return toCartView(await cartLines(tx, { sandboxId, accountId }));
  });
}

export async function removeCartItem({
  sandboxId,
  accountId,
  productId,
}: Shopper & { productId: number }): Promise<CartView> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const removed = await tx
      .delete(shopCartItem)
      .where(
        ownedBy(
          shopCartItem,
          sandboxId,
          eq(shopCartItem.accountId, accountId),
          eq(shopCartItem.productId, productId),
        ),
      )
      .returning({ productId: shopCartItem.productId });
    if (removed.length === 0) {
      throw new HttpProblem("not-found", `Product ${productId} is not in your cart.`);
    }
    return toCartView(await cartLines(tx, { sandboxId, accountId }));
  });
}
