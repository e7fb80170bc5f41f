import { eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { shopProduct } from "@/db/schema/ecommerce-api";
import { ownedBy } from "@/lib/sandbox/scope";

/**
 * Two ways to take stock that look right and are not, kept for the lesson: its page shows them,
 * and tests/ecommerce-api/race.test.ts runs two of each side by side on Postgres to show what
 * goes wrong. The shop itself takes stock with a conditional UPDATE (lib/ecommerce-api/checkout.ts).
 */

type Take = { sandboxId: string; productId: number; quantity: number };

/** Reads the stock the transaction sees now. */
export async function readStock(tx: Transaction, { sandboxId, productId }: Omit<Take, "quantity">) {
  const [row] = await tx
    .select({ stock: shopProduct.stock })
    .from(shopProduct)
    .where(ownedBy(shopProduct, sandboxId, eq(shopProduct.id, productId)));
  return row?.stock ?? 0;
}

// #region check-then-set
/** Check, then write the new stock computed in the application: a lost update waiting to happen. */
export async function checkThenSet(tx: Transaction, take: Take, stock: number): Promise<boolean> {
  if (stock < take.quantity) return false;
  await tx
    .update(shopProduct)
    .set({ stock: stock - take.quantity })
    .where(ownedBy(shopProduct, take.sandboxId, eq(shopProduct.id, take.productId)));
  return true;
}
// #endregion

// #region check-then-decrement
/** Check, then decrement in SQL: no update is lost, but the check was made on a stale read. */
export async function checkThenDecrement(
  tx: Transaction,
  take: Take,
  stock: number,
): Promise<boolean> {
  if (stock < take.quantity) return false;
  await tx
    .update(shopProduct)
    .set({ stock: sql`${shopProduct.stock} - ${take.quantity}` })
    .where(ownedBy(shopProduct, take.sandboxId, eq(shopProduct.id, take.productId)));
  return true;
}
// #endregion
