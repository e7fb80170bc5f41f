import * as api from "@/lib/ecommerce-api/contract";
import { shopperOf } from "@/lib/ecommerce-api/http";
import { readOrder } from "@/lib/ecommerce-api/orders";
import { lessonApi } from "@/lib/sandbox/api";

// #region read-order
// GET /api/v1/shop/orders/:id — one of your orders
const read = lessonApi.route(api.readOrder, {
  run: async ({ req, ctx, caller, params }) => {
    // 3. The user comes from the token, and the query is scoped to them: someone else's
    // order is 404, exactly like one that does not exist.
    const shopper = await shopperOf(req, ctx, caller.id);
    return ctx.timing.span("db", "Select the order and its lines", () =>
      readOrder({ ...shopper, id: params.id }),
    );
  },
  respond: (order) => Response.json(order),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: read });
