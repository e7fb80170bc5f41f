import { cacheAside, represent } from "@/lib/caching-with-redis/cache";
import { cachedJson } from "@/lib/caching-with-redis/http";
import { catalogField } from "@/lib/caching-with-redis/keys";
import * as api from "@/lib/ecommerce-api/contract";
import { listCategories } from "@/lib/ecommerce-api/products";
import { lessonApi } from "@/lib/sandbox/api";

// GET /api/v1/shop/categories — the shop's categories, for anyone with your sandbox key
const list = lessonApi.route(api.listCategories, {
  run: ({ ctx, caller }) =>
    cacheAside({
      timing: ctx.timing,
      sandboxId: caller.id,
      field: catalogField.categories,
      dbStep: "Count the products of each category",
      load: async () => represent({ data: await listCategories({ sandboxId: caller.id }) }),
    }),
  respond: (cached, { req }) => cachedJson(req, cached),
});

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = lessonApi.methods({ GET: list });
