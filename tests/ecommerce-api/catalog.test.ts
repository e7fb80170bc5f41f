import { describe, expect, it } from "vitest";
import { SEED_CATEGORIES, SEED_PRODUCTS } from "@/lib/ecommerce-api/catalog";
import { resetSandbox } from "@/lib/sandbox/lifecycle";
import { expectPipelineHeaders, expectProblem, linksOf, newSandboxKey } from "../harness";
import { lookupSandboxId } from "../jwt-auth/sandbox-id";
import { json, type Page, type ProductView, setStock, shop, shopSandbox, stockOf } from "./client";

const list = (key: string, query: Record<string, string> = {}) =>
  shop("GET", "/api/v1/shop/products", { key, query });
const ids = async (res: Response) => (await json<Page<ProductView>>(res)).data.map((p) => p.id);

describe("the seeded catalog", () => {
  it("opens every sandbox with the same 6 categories and 50 products, in integer cents", async () => {
    const key = await newSandboxKey();
    const categories = await shop("GET", "/api/v1/shop/categories", { key });
    expect(categories.status).toBe(200);
    expectPipelineHeaders(categories);
    const { data } = await json<{ data: { slug: string; products: number }[] }>(categories);
    expect(data.map((c) => c.slug)).toEqual(SEED_CATEGORIES.map((c) => c.slug));
    expect(data.reduce((sum, c) => sum + c.products, 0)).toBe(50);

    const page = await json<Page<ProductView>>(await list(key, { limit: "100" }));
    expect(page.pagination).toEqual({ page: 1, limit: 100, total: 50, totalPages: 1 });
    expect(page.data.map((p) => [p.id, p.sku, p.name, p.priceCents, p.stock])).toEqual(
      SEED_PRODUCTS.map((p) => [p.id, p.sku, p.name, p.priceCents, p.stock]),
    );
    for (const product of page.data) {
      expect(Number.isInteger(product.priceCents)).toBe(true);
      expect(product).toMatchObject({ currency: "USD", active: true });
    }
    // A name with an apostrophe survived the constant list's quoting.
    expect(page.data.find((p) => p.id === 37)?.name).toBe("T-shirt: 418 I'm a teapot");
  });

  it("is seeded again, stock included, when the sandbox is reset", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    await setStock(key, admin, 7, 0);
    const created = await shop("POST", "/api/v1/shop/products", {
      key,
      token: admin,
      body: {
        sku: "GONE-1",
        name: "Gone after reset",
        category: "desk",
        priceCents: 100,
        stock: 1,
      },
    });
    expect(created.status).toBe(201);
    await resetSandbox({ sandboxId: await lookupSandboxId(key) });
    expect(await stockOf(key, 7)).toBe(3);
    await expectProblem(await shop("GET", "/api/v1/shop/products/51", { key }), "not-found");
    expect((await json<Page<ProductView>>(await list(key))).pagination.total).toBe(50);
  });
});

describe("GET /api/v1/shop/products", () => {
  it("pages 20 at a time by default, with Link headers that keep the filters", async () => {
    const key = await newSandboxKey();
    const first = await list(key);
    expect(first.status).toBe(200);
    expect(await ids(first)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const third = await list(key, { page: "3", category: "books", limit: "4" });
    expect(await ids(third)).toEqual([18]);
    expect(linksOf(third)).toEqual({
      first: "/api/v1/shop/products?page=1&category=books&limit=4",
      last: "/api/v1/shop/products?page=3&category=books&limit=4",
      prev: "/api/v1/shop/products?page=2&category=books&limit=4",
    });
    const beyond = await json<Page<ProductView>>(await list(key, { page: "9", limit: "10" }));
    expect(beyond).toEqual({
      data: [],
      pagination: { page: 9, limit: 10, total: 50, totalPages: 5 },
    });
  });

  it("filters by category, price range (inclusive, in cents), stock and name, and sorts", async () => {
    const key = await newSandboxKey();
    expect(await ids(await list(key, { category: "audio", sort: "price" }))).toEqual([
      35, 33, 34, 32, 31, 29, 30, 28,
    ]);
    expect(
      await ids(await list(key, { minPriceCents: "2200", maxPriceCents: "2200", sort: "id" })),
    ).toEqual([36, 37, 43]);
    expect(await ids(await list(key, { inStock: "false" }))).toEqual([43]);
    expect(
      (await json<Page<ProductView>>(await list(key, { inStock: "true", limit: "1" }))).pagination
        .total,
    ).toBe(49);
    expect(await ids(await list(key, { q: "KEYBOARD" }))).toEqual([19, 20]);
    expect(await ids(await list(key, { category: "books", sort: "name", limit: "3" }))).toEqual([
      15, 10, 11,
    ]);
    expect(await ids(await list(key, { sort: "-price", limit: "2" }))).toEqual([28, 30]);
  });

  it("searches for %, _ and \\ as themselves, not as LIKE wildcards", async () => {
    const key = await newSandboxKey();
    expect(await ids(await list(key, { q: "65%" }))).toEqual([20]);
    expect(await ids(await list(key, { q: "%" }))).toEqual([20]);
    expect(await ids(await list(key, { q: "_" }))).toEqual([]);
    expect(await ids(await list(key, { q: "\\" }))).toEqual([]);
  });

  it("lists no deactivated product", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const off = await shop("PATCH", "/api/v1/shop/products/19", {
      key,
      token: admin,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect(await ids(await list(key, { q: "keyboard" }))).toEqual([20]);
    const categories = await json<{ data: { slug: string; products: number }[] }>(
      await shop("GET", "/api/v1/shop/categories", { key }),
    );
    expect(categories.data.find((c) => c.slug === "desk")?.products).toBe(8);
    // Read by id, it is still there, marked inactive (old orders name it).
    const read = await json<ProductView>(await shop("GET", "/api/v1/shop/products/19", { key }));
    expect(read).toMatchObject({ id: 19, active: false });
  });

  it("is 422 naming every bad parameter, and refuses an upside-down price range", async () => {
    const key = await newSandboxKey();
    await expectProblem(
      await list(key, {
        category: "tea",
        sort: "cheapest",
        limit: "101",
        page: "0",
        inStock: "yes",
        color: "red",
      }),
      "validation",
      ["category", "sort", "limit", "page", "inStock", "color"],
    );
    const body = await expectProblem(
      await list(key, { minPriceCents: "3000", maxPriceCents: "1000" }),
      "validation",
      ["maxPriceCents"],
    );
    expect(body.errors?.[0]?.message).toBe("must be at least minPriceCents");
    await expectProblem(await list(key, { minPriceCents: "19.99" }), "validation", [
      "minPriceCents",
    ]);
  });

  it("needs the sandbox key, and no access token", async () => {
    await expectProblem(await shop("GET", "/api/v1/shop/products"), "unauthorized");
    await expectProblem(await shop("GET", "/api/v1/shop/categories"), "unauthorized");
  });
});

describe("GET /api/v1/shop/products/:id", () => {
  it("answers one product, 404 for an id the catalog lacks, 422 for one that is no id", async () => {
    const key = await newSandboxKey();
    const res = await shop("GET", "/api/v1/shop/products/12", { key });
    expect(await json<ProductView>(res)).toEqual({
      id: 12,
      sku: "BK-PGSQL",
      name: "PostgreSQL Administration Cookbook",
      category: "books",
      priceCents: 5499,
      currency: "USD",
      stock: 4,
      active: true,
    });
    await expectProblem(await shop("GET", "/api/v1/shop/products/51", { key }), "not-found");
    await expectProblem(await shop("GET", "/api/v1/shop/products/abc", { key }), "validation", [
      "id",
    ]);
  });

  it("answers 405 with Allow for methods the product does not serve", async () => {
    const key = await newSandboxKey();
    const res = await shop("DELETE", "/api/v1/shop/products/1", { key });
    await expectProblem(res, "method-not-allowed");
    expect(res.headers.get("allow")).toBe("GET, HEAD, PATCH, OPTIONS");
  });
});
