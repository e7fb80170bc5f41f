import { cacheAside, invalidateCatalog, represent } from "@/lib/caching-with-redis/cache";
import { cachedJson } from "@/lib/caching-with-redis/http";
import { catalogField } from "@/lib/caching-with-redis/keys";
import * as api from "@/lib/ecommerce-api/contract";
import { adminOf, pageLinks, paginationOf } from "@/lib/ecommerce-api/http";
import { createProduct, listProducts, toProductView } from "@/lib/ecommerce-api/products";
import { lessonApi } from "@/lib/sandbox/api";

// The kit identifies your sandbox (X-Sandbox-Key or the cookie) and validates the query and body.
// Browsing needs nothing more; changing the catalog needs an admin's access token.

// #region list-products
// GET /api/v1/shop/products — a page of the products on sale, filtered and sorted
const list = lessonApi.route(api.listProducts, {
  // 3. Cache-aside: Redis first, keyed by your sandbox and the normalized query; on a miss one
  //    query (the page, with the total counted alongside), then stored for the next reader.
  run: ({ ctx, caller, query }) =>
    cacheAside({
      timing: ctx.timing,
      sandboxId: caller.id,
      field: catalogField.products(query),
      dbStep: "Select a page of products",
      load: async () => {
        const { rows, total } = await listProducts({ sandboxId: caller.id, ...query });
        const pagination = paginationOf(query.page, query.limit, total);
        return represent({ data: rows.map(toProductView), pagination }, total);
      },
    }),
  // 4. The page (or 304 if your copy is current), and Link headers to the others.
  respond: (cached, { req, query }) => {
    const pagination = paginationOf(query.page, query.limit, cached.entry.total ?? 0);
    return cachedJson(req, cached, { link: pageLinks(req.nextUrl, pagination) });
  },
});
// #endregion

// #region create-product
// POST /api/v1/shop/products — add a product (admins only)
const create = lessonApi.route(api.createProduct, {
  run: async ({ req, ctx, caller, body }) => {
    // 3. Who is asking (401 without a valid token), and may they (403 unless an admin)?
    await adminOf(req, ctx, caller.id);
    // 4. Only then, the write.
    const row = await ctx.timing.span("db", "Insert the product", () =>
      createProduct({ sandboxId: caller.id, ...body }),
    );
    // 5. Committed: the cached catalog pages no longer show it, so they go.
    await invalidateCatalog({ sandboxId: caller.id, timing: ctx.timing });
    return row;
  },
  respond: (row) =>
    Response.json(toProductView(row), {
      status: 201,
      headers: { location: `/api/v1/shop/products/${row.id}` },
    }),
});
// #endregion

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({
  GET: list,
  POST: create,
});
