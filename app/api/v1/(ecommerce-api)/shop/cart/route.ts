import { readCart } from "@/lib/ecommerce-api/cart";
import * as api from "@/lib/ecommerce-api/contract";
import { shopperOf } from "@/lib/ecommerce-api/http";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/shop/cart — your cart: the user is the access token's, never a parameter
const read = lessonApi.route(api.readCart, {
  run: async ({ req, ctx, caller }) => {
    const shopper = await shopperOf(req, ctx, caller.id);
    return ctx.timing.span("db", "Select the cart at today's prices", () => readCart(shopper));
  },
  respond: (cart) => Response.json(cart),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: read });
