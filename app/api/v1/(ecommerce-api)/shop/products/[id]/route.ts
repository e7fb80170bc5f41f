import { cacheAside, invalidateCatalog, represent } from "@/lib/caching-with-redis/cache";
import { cachedJson } from "@/lib/caching-with-redis/http";
import { catalogField } from "@/lib/caching-with-redis/keys";
import * as api from "@/lib/ecommerce-api/contract";
import { adminOf } from "@/lib/ecommerce-api/http";
import { getProduct, toProductView, updateProduct } from "@/lib/ecommerce-api/products";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/shop/products/:id — one product, deactivated or not (cache-aside, like the list)
const read = lessonApi.route(api.readProduct, {
  run: ({ ctx, caller, params }) =>
    cacheAside({
      timing: ctx.timing,
      sandboxId: caller.id,
      field: catalogField.product(params.id),
      dbStep: "Select the product",
      load: async () =>
        represent(toProductView(await getProduct({ sandboxId: caller.id, id: params.id }))),
    }),
  respond: (cached, { req }) => cachedJson(req, cached),
});

// #region patch-product
// PATCH /api/v1/shop/products/:id — change its name, price, stock or active (admins only)
const patch = lessonApi.route(api.updateProduct, {
  run: async ({ req, ctx, caller, params, body }) => {
    // 3. 401 without a valid token, 403 for a customer: before anything is looked up.
    await adminOf(req, ctx, caller.id);
    const row = await ctx.timing.span("db", "Update the product", () =>
      updateProduct({ sandboxId: caller.id, id: params.id, changes: body }),
    );
    // 4. After the commit, never before: the product, its pages and category counts go.
    await invalidateCatalog({ sandboxId: caller.id, timing: ctx.timing });
    return row;
  },
  respond: (row) => Response.json(toProductView(row)),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: read,
  PATCH: patch,
});
