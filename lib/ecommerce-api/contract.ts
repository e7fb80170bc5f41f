import { z } from "zod";
import { defineOperation } from "@/lib/http/contract";
import { PATCH_TYPES } from "@/lib/todo-api/contract";
import {
  cartItemBody,
  cartItemParams,
  cartView,
  categoryView,
  createProductBody,
  listOrdersQuery,
  listProductsQuery,
  orderPage,
  orderParams,
  orderView,
  patchProductBody,
  placeOrderBody,
  productPage,
  productParams,
  productView,
} from "./schemas";

/**
 * The shop's contract: a catalog anyone with your sandbox key may browse, a cart and orders for
 * each of your sandbox's users (an access token from the JWT lesson), and product management for
 * its admins. Handlers validate with it, tests check responses against it, and /api/openapi.json
 * is generated from it.
 */

export const IDEMPOTENCY_KEY = "idempotency-key";
export const IDEMPOTENT_REPLAYED = "idempotent-replayed";

const link = { description: "first, last, prev and next pages (RFC 8288)", required: true };

/** What every catalog read carries: the server cache's verdict and HTTP caching (RFC 9111). */
const cached = {
  "x-cache": {
    description: "HIT, MISS or STALE: where the server's cache found it",
    required: true,
  },
  "cache-status": { description: "The same, as RFC 9211 Cache-Status", required: true },
  etag: { description: "The answer's version: send it back in If-None-Match", required: true },
  "cache-control": {
    description: "private, no-cache: only your browser may keep it, and revalidates each time",
    required: true,
  },
  vary: { description: "The answer depends on your sandbox key", required: true },
};
const notModified = {
  description: "Your copy (If-None-Match) is still the current one: no body",
  headers: { etag: cached.etag, "x-cache": cached["x-cache"] },
};
const conditionalRead = ["malformed-request", "precondition-failed"] as const;

export const listCategories = defineOperation({
  method: "GET",
  path: "/api/v1/shop/categories",
  summary: "The shop's categories",
  responses: {
    200: {
      description: "Every category, with how many products it sells",
      body: z.strictObject({ data: z.array(categoryView) }),
      headers: cached,
    },
    304: notModified,
  },
  problems: [...conditionalRead],
});

export const listProducts = defineOperation({
  method: "GET",
  path: "/api/v1/shop/products",
  summary: "Browse products: page, limit, category, q, price range, inStock, sort",
  query: listProductsQuery,
  responses: {
    200: {
      description: "A page of the products on sale, and how to reach the others",
      body: productPage,
      headers: { link, ...cached },
    },
    304: notModified,
  },
  problems: ["validation", ...conditionalRead],
});

export const readProduct = defineOperation({
  method: "GET",
  path: "/api/v1/shop/products/{id}",
  summary: "One product (deactivated ones too)",
  params: productParams,
  responses: {
    200: { description: "The product", body: productView, headers: cached },
    304: notModified,
  },
  problems: ["validation", "not-found", ...conditionalRead],
});

export const createProduct = defineOperation({
  method: "POST",
  path: "/api/v1/shop/products",
  summary: "Add a product to the catalog (admins only)",
  body: createProductBody,
  bearer: true,
  responses: {
    201: {
      description: "Created; Location says where it lives",
      body: productView,
      headers: { location: { description: "The new product's URL", required: true } },
    },
  },
  problems: ["insufficient-role", "conflict"],
});

export const updateProduct = defineOperation({
  method: "PATCH",
  path: "/api/v1/shop/products/{id}",
  summary: "Change a product's name, price, stock or active (admins only; a JSON Merge Patch)",
  description:
    "Send only the fields to change. `active: false` deactivates the product: it is no longer listed nor sold, and orders that name it keep it. A new price applies to orders placed from now on.",
  params: productParams,
  body: patchProductBody,
  bodyTypes: PATCH_TYPES,
  bearer: true,
  responses: { 200: { description: "The product as it is now", body: productView } },
  problems: ["insufficient-role", "not-found"],
});

export const readCart = defineOperation({
  method: "GET",
  path: "/api/v1/shop/cart",
  summary: "Your cart, at today's prices",
  bearer: true,
  responses: { 200: { description: "What is in your cart", body: cartView } },
});

export const putCartItem = defineOperation({
  method: "PUT",
  path: "/api/v1/shop/cart/items/{productId}",
  summary: "Put a product in your cart, or change how many",
  description:
    "Sets the quantity (PUT is idempotent: sending it twice leaves 2 as 2). The cart reserves no stock; the order checks it.",
  params: cartItemParams,
  body: cartItemBody,
  bearer: true,
  responses: { 200: { description: "Your cart as it is now", body: cartView } },
  problems: ["not-found", "conflict"],
});

export const removeCartItem = defineOperation({
  method: "DELETE",
  path: "/api/v1/shop/cart/items/{productId}",
  summary: "Take a product out of your cart",
  params: cartItemParams,
  bearer: true,
  responses: { 200: { description: "Your cart as it is now", body: cartView } },
  problems: ["validation", "not-found"],
});

export const placeOrder = defineOperation({
  method: "POST",
  path: "/api/v1/shop/orders",
  summary: "Place an order: items, or fromCart (honours Idempotency-Key)",
  description:
    "One transaction checks and takes the stock of every line, then writes the order: all of it or nothing. With an Idempotency-Key, a retry of the same request answers the order the first one placed instead of placing another (draft-ietf-httpapi-idempotency-key-header).",
  body: placeOrderBody,
  requestHeaders: {
    "Idempotency-Key": {
      description:
        'A key you make up per order (a UUID is best), as a string: "8e03978e-40d5-43e8-bc93-6894a57f9324" (the draft\'s Structured Field String, quotes included) or bare, Stripe-style. At most 255 characters. Send the same key when you retry.',
    },
  },
  bearer: true,
  responses: {
    201: {
      description: "Placed (or, for a retry with the same key and body, the order it placed)",
      body: orderView,
      headers: {
        location: { description: "The order's URL", required: true },
        [IDEMPOTENT_REPLAYED]: {
          description: "true when this answers a retry: no new order was placed",
        },
      },
    },
  },
  problems: ["conflict", "insufficient-stock", "idempotency-key-in-use", "idempotency-key-reused"],
});

export const listOrders = defineOperation({
  method: "GET",
  path: "/api/v1/shop/orders",
  summary: "Your orders, newest first",
  query: listOrdersQuery,
  bearer: true,
  responses: {
    200: { description: "A page of your orders", body: orderPage, headers: { link } },
  },
  problems: ["validation"],
});

export const readOrder = defineOperation({
  method: "GET",
  path: "/api/v1/shop/orders/{id}",
  summary: "One of your orders",
  params: orderParams,
  bearer: true,
  responses: {
    200: { description: "The order, with the prices it was placed at", body: orderView },
  },
  problems: ["validation", "not-found"],
});

/** The shop's API, in the order the lesson teaches it. */
export const ecommerceApi = [
  listCategories,
  listProducts,
  readProduct,
  readCart,
  putCartItem,
  removeCartItem,
  placeOrder,
  listOrders,
  readOrder,
  createProduct,
  updateProduct,
] as const;
