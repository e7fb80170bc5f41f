import {
  shopCartItem,
  shopCategory,
  shopOrder,
  shopOrderLine,
  shopProduct,
} from "@/db/schema/ecommerce-api";
import { seedShop } from "@/lib/ecommerce-api/catalog";
import { ecommerceApi } from "@/lib/ecommerce-api/contract";
import { defineLesson } from "@/lib/lessons/define";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "ecommerce-api",
  title: "An e-commerce API with accounts and transactions",
  summary:
    "A shop in your sandbox: browse a catalog of 50 products, fill a cart, and place orders that take stock in one transaction and never oversell, even under 200 concurrent checkouts. Money in integer cents, retries made safe with Idempotency-Key, and admin-only product management.",
  objectives: [
    "Design the resources of a shop: products, carts, orders and order lines, and what each URL means",
    "Keep money as integers of the currency's minor unit (ISO 4217), never as floats",
    "Say what READ COMMITTED lets two transactions see, and why check-then-update oversells",
    "Take stock with a conditional UPDATE inside one transaction, in a stable order, all or nothing",
    "Make a POST safe to retry with an Idempotency-Key: the same order, never a second",
    "Answer 401 for no valid token and 403 for a valid user who may not, and 404 for others' orders",
    "Page, filter and sort a catalog with validated, bounded query parameters",
  ],
  minutes: 60,
  api: ecommerceApi,
  data: {
    tables: [shopCategory, shopProduct, shopCartItem, shopOrder, shopOrderLine],
    seed: seedShop,
  },
  examples,
  checks,
  explains: {
    "insufficient-stock": "never-oversell",
    "idempotency-key-reused": "the-same-key-with-another-body",
    "idempotency-key-in-use": "two-retries-at-once",
  },
});
