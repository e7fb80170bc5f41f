import type { ListProductsQuery } from "@/lib/ecommerce-api/schemas";

// #region fields
/**
 * The field of each cached answer in the sandbox's catalog hash. A list is keyed by its query
 * after validation, with defaults filled in and in a fixed order: `?page=1&limit=20`, `?limit=20`
 * and `?` are one page, so they share one entry instead of three.
 */
export const catalogField = {
  products(query: ListProductsQuery): string {
    const pairs = Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
    return `products?${pairs.join("&")}`;
  },
  product: (id: number) => `product:${id}`,
  categories: "categories",
};
// #endregion
