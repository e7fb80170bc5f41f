import { invalidateCatalog } from "@/lib/caching-with-redis/cache";
import { placeOrder } from "@/lib/ecommerce-api/checkout";
import * as api from "@/lib/ecommerce-api/contract";
import { pageLinks, paginationOf, shopperOf } from "@/lib/ecommerce-api/http";
import { idempotencyKeyOf } from "@/lib/ecommerce-api/idempotency";
import { listOrders } from "@/lib/ecommerce-api/orders";
import { lessonApi } from "@/lib/sandbox/api";

// #region place-order
// POST /api/v1/shop/orders — place an order, once, however often it is retried
const place = lessonApi.route(api.placeOrder, {
  run: async ({ req, ctx, caller, body }) => {
    // 3. Whose order: the access token's user (401 without a valid one).
    const shopper = await shopperOf(req, ctx, caller.id);
    // 4. The Idempotency-Key, if sent (422 if it is not a key).
    const key = idempotencyKeyOf(req);
    // 5. One transaction: the key, the stock of every line, the order. Each step is a span.
    const placed = await placeOrder({
      ...shopper,
      body,
      key,
      step: (name, description, work) => ctx.timing.span(name, description, work),
    });
    // 6. Stock changed: the cached catalog (stock, the inStock filter) goes. A replay changed nothing.
    if (!placed.replayed) await invalidateCatalog({ sandboxId: caller.id, timing: ctx.timing });
    return placed;
  },
  // 7. 201 with the order, a new one or (for a retry with the same key) the one it placed.
  respond: ({ order, replayed }) =>
    Response.json(order, {
      status: 201,
      headers: {
        location: `/api/v1/shop/orders/${order.id}`,
        ...(replayed ? { [api.IDEMPOTENT_REPLAYED]: "true" } : {}),
      },
    }),
});
// #endregion

// GET /api/v1/shop/orders — your orders, newest first
const list = lessonApi.route(api.listOrders, {
  run: async ({ req, ctx, caller, query }) => {
    const shopper = await shopperOf(req, ctx, caller.id);
    return ctx.timing.span("db", "Select a page of your orders", () =>
      listOrders({ ...shopper, ...query }),
    );
  },
  respond: ({ orders, total }, { req, query }) => {
    const pagination = paginationOf(query.page, query.limit, total);
    return Response.json(
      { data: orders, pagination },
      { headers: { link: pageLinks(req.nextUrl, pagination) } },
    );
  },
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: place,
});
