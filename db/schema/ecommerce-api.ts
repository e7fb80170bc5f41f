import { type InferSelectModel, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sandboxUser } from "./sandbox-users";
import { sandbox } from "./sandboxes";

/**
 * The shop of the e-commerce lesson: every sandbox has its own catalog (categories and products,
 * seeded), and each of its users a cart and orders. Money is always an integer number of the
 * currency's minor unit (cents), never a float.
 */

export const shopCategory = pgTable(
  "shop_category",
  {
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    /** What the product list filters by: `?category=coffee`. */
    slug: text("slug").notNull(),
    name: text("name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    unique("shop_category_sandbox_slug_unique").on(t.sandboxId, t.slug),
  ],
);
export type ShopCategory = InferSelectModel<typeof shopCategory>;

export const shopProduct = pgTable(
  "shop_product",
  {
    /** Numbered per sandbox (the seed's 1 to 50, then the admin's), so examples name the same ids for everyone. */
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    categoryId: integer("category_id").notNull(),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    /** In cents (the minor unit of `currency`): 1999 is $19.99. */
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull().default("USD"),
    /** Units that can still be sold; the check below refuses any write that would make it negative. */
    stock: integer("stock").notNull(),
    /** A deactivated product is no longer sold nor listed, but old orders still name it. */
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    unique("shop_product_sandbox_sku_unique").on(t.sandboxId, t.sku),
    foreignKey({
      name: "shop_product_category_fk",
      columns: [t.sandboxId, t.categoryId],
      foreignColumns: [shopCategory.sandboxId, shopCategory.id],
    }).onDelete("cascade"),
    // #region stock-check
    check("shop_product_stock_check", sql`${t.stock} >= 0`),
    check("shop_product_price_check", sql`${t.priceCents} > 0`),
    // #endregion
    index("shop_product_category_idx").on(t.sandboxId, t.categoryId),
  ],
);
export type ShopProduct = InferSelectModel<typeof shopProduct>;

/** One line of a user's cart: a product and how many. The cart reserves no stock. */
export const shopCartItem = pgTable(
  "shop_cart_item",
  {
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    accountId: integer("account_id").notNull(),
    productId: integer("product_id").notNull(),
    quantity: integer("quantity").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.accountId, t.productId] }),
    foreignKey({
      name: "shop_cart_item_account_fk",
      columns: [t.sandboxId, t.accountId],
      foreignColumns: [sandboxUser.sandboxId, sandboxUser.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "shop_cart_item_product_fk",
      columns: [t.sandboxId, t.productId],
      foreignColumns: [shopProduct.sandboxId, shopProduct.id],
    }).onDelete("cascade"),
    check("shop_cart_item_quantity_check", sql`${t.quantity} > 0`),
  ],
);
export type ShopCartItem = InferSelectModel<typeof shopCartItem>;

/**
 * A placed order. Its Idempotency-Key (when the request sent one) and a fingerprint of the request
 * are kept with it, in the same transaction: the key is remembered exactly when the order exists.
 */
export const shopOrder = pgTable(
  "shop_order",
  {
    id: integer("id").notNull(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    accountId: integer("account_id").notNull(),
    status: text("status").$type<"placed">().notNull().default("placed"),
    currency: text("currency").notNull(),
    /** bigint: 20 lines of 100 units at $100,000 would overflow a 32-bit integer of cents. */
    totalCents: bigint("total_cents", { mode: "number" }).notNull(),
    idempotencyKey: text("idempotency_key"),
    /** SHA-256 of the request the key came with: the same key with another request is refused. */
    requestHash: text("request_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.id] }),
    foreignKey({
      name: "shop_order_account_fk",
      columns: [t.sandboxId, t.accountId],
      foreignColumns: [sandboxUser.sandboxId, sandboxUser.id],
    }).onDelete("cascade"),
    // Each user's keys are their own: Alice and Bob may both send "order-1".
    uniqueIndex("shop_order_idempotency_key_unique")
      .on(t.sandboxId, t.accountId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index("shop_order_account_idx").on(t.sandboxId, t.accountId, t.id),
  ],
);
export type ShopOrder = InferSelectModel<typeof shopOrder>;

/** What was bought, at the price it was bought at: later price changes leave orders alone. */
export const shopOrderLine = pgTable(
  "shop_order_line",
  {
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    orderId: integer("order_id").notNull(),
    productId: integer("product_id").notNull(),
    name: text("name").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotalCents: bigint("line_total_cents", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sandboxId, t.orderId, t.productId] }),
    foreignKey({
      name: "shop_order_line_order_fk",
      columns: [t.sandboxId, t.orderId],
      foreignColumns: [shopOrder.sandboxId, shopOrder.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "shop_order_line_product_fk",
      columns: [t.sandboxId, t.productId],
      foreignColumns: [shopProduct.sandboxId, shopProduct.id],
    }).onDelete("cascade"),
    check("shop_order_line_quantity_check", sql`${t.quantity} > 0`),
  ],
);
export type ShopOrderLine = InferSelectModel<typeof shopOrderLine>;
