import { and, eq, exists } from "drizzle-orm";
import { shopOrderLine, shopProduct } from "@/db/schema/ecommerce-api";
import type { Check } from "@/lib/lessons/checks";
import { requested } from "@/lib/lessons/checks";
import { ownedBy } from "@/lib/sandbox/scope";

const ORDERS = "/api/v1/shop/orders";
const PRODUCTS = /^\/api\/v1\/shop\/products(\/\d+)?$/;

/** What "Check my work" looks for in your sandbox (its shop and its request log). */
export const checks: Check[] = [
  requested(
    {
      id: "checked-out-cart",
      title: "You filled a cart and checked it out",
      hint: "Put products in a user's cart, then place an order that takes what is in the cart rather than a list of items.",
    },
    { method: "POST", path: ORDERS, status: 201, spans: ["cart", "stock"] },
  ),
  requested(
    {
      id: "idempotent-retry",
      title: "A retry with the same Idempotency-Key answered the first order, not a new one",
      hint: "Place an order with an Idempotency-Key header, then send exactly the same request again.",
    },
    { method: "POST", path: ORDERS, status: 201, sent: ["idempotency-key"], spans: ["replay"] },
  ),
  requested(
    {
      id: "oversell-refused",
      title: "An order for more than was left was refused with 409, naming the product",
      hint: "Find a product with few units left (or have the admin set its stock low), then order one more than it has.",
    },
    { method: "POST", path: ORDERS, status: 409, spans: ["stock"] },
  ),
  requested(
    {
      id: "customer-forbidden",
      title: "A customer's token was refused product management with 403",
      hint: "Log in as a user you registered and try to add or change a product with their access token.",
    },
    { method: ["POST", "PATCH"], path: PRODUCTS, status: 403, sent: ["authorization"] },
  ),
  requested(
    {
      id: "admin-changed-product",
      title: "As the admin, you changed a product's price, stock or active",
      hint: "Log in as your sandbox's admin and send a merge patch to one product.",
    },
    { method: "PATCH", path: /^\/api\/v1\/shop\/products\/\d+$/, status: 200 },
  ),
  {
    id: "sold-out",
    title: "Orders emptied a product's stock to exactly 0, never below",
    hint: "Order the last units of a product (the admin can set a small stock first) until it has none left.",
    test: async ({ db, sandboxId }) => {
      const rows = await db
        .select({ id: shopProduct.id })
        .from(shopProduct)
        .where(
          ownedBy(
            shopProduct,
            sandboxId,
            eq(shopProduct.stock, 0),
            exists(
              db
                .select({ one: shopOrderLine.productId })
                .from(shopOrderLine)
                .where(
                  and(
                    eq(shopOrderLine.sandboxId, shopProduct.sandboxId),
                    eq(shopOrderLine.productId, shopProduct.id),
                  ),
                ),
            ),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },
  },
];
