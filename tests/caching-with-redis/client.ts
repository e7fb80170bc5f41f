import { json, type Page, type ProductView, shop } from "../ecommerce-api/client";

export { json, type Page, type ProductView, shop };

/** The server-side steps of an answer, by name, from its Server-Timing header. */
export function spansOf(res: Response): string[] {
  return (res.headers.get("server-timing") ?? "")
    .split(",")
    .map((entry) => entry.trim().split(";")[0] ?? "")
    .filter(Boolean);
}

/** The description of the answer's `cache` span. */
export function cacheSpanOf(res: Response): string {
  const entry = (res.headers.get("server-timing") ?? "")
    .split(/,(?=\s*\w+;)/)
    .find((e) => e.trim().startsWith("cache;"));
  return /desc="([^"]*)"/.exec(entry ?? "")?.[1] ?? "";
}

export const books = (key: string, headers: Record<string, string> = {}) =>
  shop("GET", "/api/v1/shop/products", {
    key,
    query: { category: "books", limit: "3" },
    headers,
  });

export const product = (key: string, id: number, headers: Record<string, string> = {}) =>
  shop("GET", `/api/v1/shop/products/${id}`, { key, headers });

export const categories = (key: string, headers: Record<string, string> = {}) =>
  shop("GET", "/api/v1/shop/categories", { key, headers });
