import { z } from "zod";
import { requiredString, wholeNumber } from "@/lib/http/fields";
import { SEED_CATEGORIES } from "./catalog";

/**
 * What the shop's operations take and answer (lib/ecommerce-api/contract.ts declares the
 * operations). Money is an integer of cents everywhere: a float cannot hold 0.10 exactly.
 */

export const MAX_PAGE_SIZE = 100;
export const MAX_QUANTITY = 100;
export const MAX_ORDER_LINES = 20;
/** $100,000.00: so that 20 lines of 100 units stay far inside a JavaScript number's exact range. */
export const MAX_PRICE_CENTS = 10_000_000;
export const MAX_STOCK = 1_000_000;
/** The most products one sandbox's catalog holds; creating more is 409. */
export const MAX_PRODUCTS = 500;
/** The most different products one cart holds (the same bound as an order's lines). */
export const MAX_CART_LINES = MAX_ORDER_LINES;

export const CATEGORY_SLUGS = SEED_CATEGORIES.map((c) => c.slug) as [string, ...string[]];

export const PRODUCT_SORTS = ["id", "name", "price", "-price", "newest"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const positiveId = wholeNumber(1, 2_147_483_647, {
  min: "must be a positive id",
  max: "is too large",
});
const bool = z
  .enum(["true", "false"], { error: 'must be "true" or "false"' })
  .transform((v) => v === "true");
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes("\0"), "must not contain NUL (\\u0000) characters");

/** A whole number in a JSON body, with a message that says what a fraction would mean. */
function count(min: number, max: number, what: string) {
  return z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? "is required"
          : issue.input === null
            ? "cannot be null: send a number"
            : "must be a number",
    })
    .int({ error: what })
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

// #region money
/** Cents, as an integer: 1999 is $19.99, and 19.99 is refused rather than rounded. */
export const cents = count(
  1,
  MAX_PRICE_CENTS,
  "must be a whole number of cents (1999 for $19.99), never a fraction",
);
// #endregion
const quantity = count(1, MAX_QUANTITY, "must be a whole number of units");
const stock = count(0, MAX_STOCK, "must be a whole number of units");
const category = z.enum(CATEGORY_SLUGS, {
  error: `must be one of ${CATEGORY_SLUGS.join(", ")}`,
});

export const listProductsQuery = z
  .strictObject({
    page: wholeNumber(1, 10_000).default(1),
    limit: wholeNumber(1, MAX_PAGE_SIZE).default(20),
    category: category.optional(),
    q: text(100).optional(),
    minPriceCents: wholeNumber(0, MAX_PRICE_CENTS).optional(),
    maxPriceCents: wholeNumber(0, MAX_PRICE_CENTS).optional(),
    inStock: bool.optional(),
    sort: z
      .enum(PRODUCT_SORTS, { error: `must be one of ${PRODUCT_SORTS.join(", ")}` })
      .default("id"),
  })
  .refine(
    (q) =>
      q.minPriceCents === undefined ||
      q.maxPriceCents === undefined ||
      q.minPriceCents <= q.maxPriceCents,
    { path: ["maxPriceCents"], message: "must be at least minPriceCents" },
  );
export type ListProductsQuery = z.infer<typeof listProductsQuery>;

export const productParams = z.strictObject({ id: positiveId });
export const cartItemParams = z.strictObject({ productId: positiveId });
export const orderParams = z.strictObject({ id: positiveId });

export const listOrdersQuery = z.strictObject({
  page: wholeNumber(1, 10_000).default(1),
  limit: wholeNumber(1, 50).default(10),
});

const name = requiredString()
  .trim()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters")
  .refine((s) => !s.includes("\0"), "must not contain NUL (\\u0000) characters");

export const createProductBody = z.strictObject({
  sku: requiredString()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, "must be 3 to 32 capital letters, digits and dashes"),
  name,
  category: z.enum(CATEGORY_SLUGS, {
    error: (issue) =>
      issue.input === undefined ? "is required" : `must be one of ${CATEGORY_SLUGS.join(", ")}`,
  }),
  priceCents: cents,
  stock,
  active: z.boolean({ error: "must be true or false" }).default(true),
});
export type CreateProductBody = z.infer<typeof createProductBody>;

// In a merge patch null removes a member; every product has all of these, so null is refused
// (the type errors say so).
export const patchProductBody = z
  .strictObject(
    {
      name: name.optional(),
      priceCents: cents.optional(),
      stock: stock.optional(),
      active: z.boolean({ error: "must be true or false" }).optional(),
    },
    { error: "must be a JSON object with the fields to change" },
  )
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: "send at least one of name, priceCents, stock, active",
  });
export type PatchProductBody = z.infer<typeof patchProductBody>;

export const cartItemBody = z.strictObject({ quantity });

// #region order-body
const orderItem = z.strictObject({
  productId: count(1, 2_147_483_647, "must be a whole id"),
  quantity,
});

/** What to order: a list of products and quantities, or what is in your cart. */
export const placeOrderBody = z
  .strictObject({
    items: z
      .array(orderItem, { error: "must be a list of { productId, quantity }" })
      .min(1, "must hold at least one item")
      .max(MAX_ORDER_LINES, `must hold at most ${MAX_ORDER_LINES} items`)
      .optional(),
    fromCart: z.literal(true, { error: "must be true: order what is in your cart" }).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.items === undefined) === (body.fromCart === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "send either items (a list of { productId, quantity }) or fromCart: true",
      });
    }
    const seen = new Map<number, number>();
    body.items?.forEach((item, i) => {
      const first = seen.get(item.productId);
      if (first === undefined) seen.set(item.productId, i);
      else
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "productId"],
          message: `product ${item.productId} is already in items.${first}: send one line per product`,
        });
    });
  });
// #endregion
export type PlaceOrderBody = z.infer<typeof placeOrderBody>;

// Views: what the API answers.

export const categoryView = z.strictObject({
  id: z.number().int().positive(),
  slug: z.string(),
  name: z.string(),
  products: z.number().int().nonnegative().describe("Active products in it"),
});

export const productView = z.strictObject({
  id: z.number().int().positive(),
  sku: z.string(),
  name: z.string(),
  category: z.string().describe("The category's slug"),
  priceCents: z.number().int().positive().describe("The price in cents: 1999 is $19.99"),
  currency: z.string().length(3).describe("ISO 4217 code; priceCents counts its minor unit"),
  stock: z.number().int().nonnegative(),
  active: z.boolean().describe("false: no longer sold (and not listed)"),
});
export type ProductView = z.infer<typeof productView>;

const pagination = z.strictObject({
  page: z.number().int().positive(),
  limit: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  totalPages: z.number().int().positive(),
});
export type Pagination = z.infer<typeof pagination>;

export const productPage = z.strictObject({ data: z.array(productView), pagination });

export const cartView = z.strictObject({
  items: z.array(
    z.strictObject({
      productId: z.number().int().positive(),
      sku: z.string(),
      name: z.string(),
      unitPriceCents: z.number().int().positive().describe("Today's price; checkout charges it"),
      quantity: z.number().int().positive(),
      lineTotalCents: z.number().int().positive(),
      available: z.boolean().describe("Active, with enough stock right now (nothing is reserved)"),
    }),
  ),
  totalCents: z.number().int().nonnegative(),
  currency: z.string().length(3),
});
export type CartView = z.infer<typeof cartView>;

export const orderView = z.strictObject({
  id: z.number().int().positive(),
  status: z.literal("placed"),
  currency: z.string().length(3),
  totalCents: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  lines: z.array(
    z.strictObject({
      productId: z.number().int().positive(),
      name: z.string().describe("The product's name when it was ordered"),
      unitPriceCents: z.number().int().positive().describe("The price it was ordered at"),
      quantity: z.number().int().positive(),
      lineTotalCents: z.number().int().positive(),
    }),
  ),
});
export type OrderView = z.infer<typeof orderView>;

export const orderPage = z.strictObject({ data: z.array(orderView), pagination });
