import { describe, expect, it } from "vitest";
import { MAX_PRODUCTS } from "@/lib/ecommerce-api/schemas";
import { expectProblem, newSandboxKey } from "../harness";
import { json, type ProductView, shop, shopSandbox, stockOf } from "./client";

const STICKER = {
  sku: "STK-NEW",
  name: "  Sticker: 202 Accepted  ",
  category: "stickers",
  priceCents: 450,
  stock: 25,
};

const create = (key: string, token: string | undefined, body: unknown) =>
  shop("POST", "/api/v1/shop/products", { key, token, body });
const patch = (key: string, token: string | undefined, id: number | string, body: unknown) =>
  shop("PATCH", `/api/v1/shop/products/${id}`, { key, token, body });

describe("POST /api/v1/shop/products (admins only)", () => {
  it("adds a product numbered after the catalog, with its Location", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const res = await create(key, admin, STICKER);
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/api/v1/shop/products/51");
    expect(await json<ProductView>(res)).toEqual({
      id: 51,
      sku: "STK-NEW",
      name: "Sticker: 202 Accepted",
      category: "stickers",
      priceCents: 450,
      currency: "USD",
      stock: 25,
      active: true,
    });
    const next = await create(key, admin, { ...STICKER, sku: "STK-NEXT", active: false });
    expect(await json<ProductView>(next)).toMatchObject({ id: 52, active: false });
  });

  it("is 401 without a token and 403 with a customer's, and creates nothing", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const none = await create(key, undefined, STICKER);
    await expectProblem(none, "token-required");
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="sandbox"');
    const customer = await create(key, alice, STICKER);
    const body = await expectProblem(customer, "insufficient-role");
    expect(body.detail).toBe(
      "Only admins may do this; your access token is alice@example.com's, a customer.",
    );
    expect(customer.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    await expectProblem(await create(key, "not.a.token", STICKER), "invalid-token");
    // Nothing was created by either.
    await expectProblem(await shop("GET", "/api/v1/shop/products/51", { key }), "not-found");
  });

  it("refuses money that is not a whole number of cents, and names every bad field", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const float = await expectProblem(
      await create(key, admin, { ...STICKER, priceCents: 4.5 }),
      "validation",
      ["priceCents"],
    );
    expect(float.errors?.[0]?.message).toBe(
      "must be a whole number of cents (1999 for $19.99), never a fraction",
    );
    await expectProblem(await create(key, admin, { ...STICKER, priceCents: "450" }), "validation", [
      "priceCents",
    ]);
    await expectProblem(
      await create(key, admin, {
        sku: "no spaces allowed",
        name: "",
        category: "tea",
        priceCents: 0,
        stock: -1,
        colour: "red",
      }),
      "validation",
      ["sku", "name", "category", "priceCents", "stock", "colour"],
    );
    await expectProblem(await create(key, admin, {}), "validation", [
      "sku",
      "name",
      "category",
      "priceCents",
      "stock",
    ]);
    await expectProblem(
      await create(key, admin, { ...STICKER, priceCents: 10_000_001 }),
      "validation",
      ["priceCents"],
    );
  });

  it("is 409 for a SKU the catalog already has", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const body = await expectProblem(
      await create(key, admin, { ...STICKER, sku: "COF-MUG-LTD" }),
      "conflict",
    );
    expect(body.detail).toContain("COF-MUG-LTD");
  });

  it(`keeps at most ${MAX_PRODUCTS} products per sandbox`, async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const { getDb } = await import("@/db");
    const { shopProduct } = await import("@/db/schema/ecommerce-api");
    const { lookupSandboxId } = await import("../jwt-auth/sandbox-id");
    const sandboxId = await lookupSandboxId(key);
    const db = await getDb();
    await db.insert(shopProduct).values(
      Array.from({ length: MAX_PRODUCTS - 50 }, (_, i) => ({
        sandboxId,
        id: 1000 + i,
        categoryId: 6,
        sku: `FILL-${i}`,
        name: `Filler ${i}`,
        priceCents: 100,
        stock: 1,
      })),
    );
    const body = await expectProblem(await create(key, admin, STICKER), "conflict");
    expect(body.detail).toContain(`${MAX_PRODUCTS} products`);
  });
});

describe("PATCH /api/v1/shop/products/:id (admins only)", () => {
  it("changes only the fields sent: price, stock, name, active", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const res = await patch(key, admin, 5, { priceCents: 6100, stock: 2 });
    expect(res.status).toBe(200);
    expect(await json<ProductView>(res)).toEqual({
      id: 5,
      sku: "COF-GRD-HND",
      name: "Hand grinder, ceramic burrs",
      category: "coffee",
      priceCents: 6100,
      currency: "USD",
      stock: 2,
      active: true,
    });
    const renamed = await patch(key, admin, 5, { name: "Hand grinder", active: false });
    expect(await json<ProductView>(renamed)).toMatchObject({
      name: "Hand grinder",
      priceCents: 6100,
      stock: 2,
      active: false,
    });
  });

  it("takes a JSON Merge Patch under its own media type too", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const res = await shop("PATCH", "/api/v1/shop/products/5", {
      key,
      token: admin,
      body: JSON.stringify({ stock: 9 }),
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect(res.status).toBe(200);
    expect(await stockOf(key, 5)).toBe(9);
  });

  it("is 422 for an empty patch, a null, a negative stock or a float price", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const empty = await expectProblem(await patch(key, admin, 5, {}), "validation");
    expect(empty.errors?.[0]?.message).toBe("send at least one of name, priceCents, stock, active");
    const nulls = await expectProblem(
      await patch(key, admin, 5, { stock: null, priceCents: 10.5, sku: "X-1" }),
      "validation",
      ["stock", "priceCents", "sku"],
    );
    expect(nulls.errors?.find((e) => e.field === "stock")?.message).toBe(
      "cannot be null: send a number",
    );
    await expectProblem(await patch(key, admin, 5, { stock: -1 }), "validation", ["stock"]);
    expect(await stockOf(key, 5)).toBe(8);
  });

  it("is 404 for a product the catalog lacks, 401 and 403 as for creating", async () => {
    const key = await newSandboxKey();
    const { admin, bob } = await shopSandbox(key);
    await expectProblem(await patch(key, admin, 999, { stock: 1 }), "not-found");
    await expectProblem(await patch(key, undefined, 5, { stock: 0 }), "token-required");
    await expectProblem(await patch(key, bob, 5, { stock: 0 }), "insufficient-role");
    // The role is checked before the product is looked up: a customer learns nothing of it.
    await expectProblem(await patch(key, bob, 999, { stock: 0 }), "insufficient-role");
    expect(await stockOf(key, 5)).toBe(8);
  });
});
