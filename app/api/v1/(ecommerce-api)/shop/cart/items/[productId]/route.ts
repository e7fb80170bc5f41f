import { putCartItem, removeCartItem } from "@/lib/ecommerce-api/cart";
import * as api from "@/lib/ecommerce-api/contract";
import { shopperOf } from "@/lib/ecommerce-api/http";
import { lessonApi } from "@/lib/sandbox/api";

// PUT /api/v1/shop/cart/items/:productId — this many of that product in your cart
const put = lessonApi.route(api.putCartItem, {
  run: async ({ req, ctx, caller, params, body }) => {
    const shopper = await shopperOf(req, ctx, caller.id);
    return ctx.timing.span("db", "Upsert the cart line", () =>
      putCartItem({ ...shopper, productId: params.productId, quantity: body.quantity }),
    );
  },
  respond: (cart) => Response.json(cart),
});

// DELETE /api/v1/shop/cart/items/:productId — take it out of your cart
const remove = lessonApi.route(api.removeCartItem, {
  run: async ({ req, ctx, caller, params }) => {
    const shopper = await shopperOf(req, ctx, caller.id);
    return ctx.timing.span("db", "Delete the cart line", () =>
      removeCartItem({ ...shopper, productId: params.productId }),
    );
  },
  respond: (cart) => Response.json(cart),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  PUT: put,
  DELETE: remove,
});
