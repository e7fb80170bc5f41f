import { describe, expect, it } from "vitest";
import { MAX_CART_LINES } from "@/lib/ecommerce-api/schemas";
import { expectProblem, newSandboxKey } from "../harness";
import { type CartView, json, shop, shopSandbox } from "./client";

const put = (key: string, token: string | undefined, productId: number | string, body: unknown) =>
  shop("PUT", `/api/v1/shop/cart/items/${productId}`, { key, token, body });
const remove = (key: string, token: string, productId: number) =>
  shop("DELETE", `/api/v1/shop/cart/items/${productId}`, { key, token });
const cartOf = async (key: string, token: string) =>
  json<CartView>(await shop("GET", "/api/v1/shop/cart", { key, token }));

describe("the cart", () => {
  it("starts empty, and PUT sets a quantity (twice the same PUT, the same cart)", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    expect(await cartOf(key, alice)).toEqual({ items: [], totalCents: 0, currency: "USD" });
    const first = await put(key, alice, 2, { quantity: 3 });
    expect(first.status).toBe(200);
    const again = await put(key, alice, 2, { quantity: 3 });
    expect(await json<CartView>(again)).toEqual(await json<CartView>(first));
    await put(key, alice, 45, { quantity: 10 });
    expect(await cartOf(key, alice)).toEqual({
      items: [
        {
          productId: 2,
          sku: "COF-COL-250",
          name: "Colombia Huila beans, 250 g",
          unitPriceCents: 1290,
          quantity: 3,
          lineTotalCents: 3870,
          available: true,
        },
        {
          productId: 45,
          sku: "STK-PG-ELE",
          name: "Sticker: Postgres elephant",
          unitPriceCents: 300,
          quantity: 10,
          lineTotalCents: 3000,
          available: true,
        },
      ],
      totalCents: 6870,
      currency: "USD",
    });
    // Changing a quantity keeps the line where it was.
    await put(key, alice, 2, { quantity: 1 });
    const cart = await cartOf(key, alice);
    expect(cart.items.map((i) => [i.productId, i.quantity])).toEqual([
      [2, 1],
      [45, 10],
    ]);
    expect(cart.totalCents).toBe(1290 + 3000);
  });

  it("shows today's prices, and says when a line cannot be ordered as it is", async () => {
    const key = await newSandboxKey();
    const { alice, admin } = await shopSandbox(key);
    await put(key, alice, 12, { quantity: 5 });
    await put(key, alice, 1, { quantity: 1 });
    await shop("PATCH", "/api/v1/shop/products/1", {
      key,
      token: admin,
      body: { priceCents: 1500, active: false },
    });
    const cart = await cartOf(key, alice);
    expect(cart.items.map((i) => [i.productId, i.unitPriceCents, i.available])).toEqual([
      [12, 5499, false],
      [1, 1500, false],
    ]);
  });

  it("takes a product out with DELETE, and is 404 for one that is not in it", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    await put(key, alice, 3, { quantity: 1 });
    const res = await remove(key, alice, 3);
    expect(res.status).toBe(200);
    expect(await json<CartView>(res)).toEqual({ items: [], totalCents: 0, currency: "USD" });
    const body = await expectProblem(await remove(key, alice, 3), "not-found");
    expect(body.detail).toBe("Product 3 is not in your cart.");
  });

  it("is 404 for a product the shop lacks and 409 for one it no longer sells", async () => {
    const key = await newSandboxKey();
    const { alice, admin } = await shopSandbox(key);
    await expectProblem(await put(key, alice, 51, { quantity: 1 }), "not-found");
    await shop("PATCH", "/api/v1/shop/products/8", {
      key,
      token: admin,
      body: { active: false },
    });
    const body = await expectProblem(await put(key, alice, 8, { quantity: 1 }), "conflict");
    expect(body.detail).toContain("Gooseneck kettle");
    expect((await cartOf(key, alice)).items).toEqual([]);
  });

  it("is 422 for a quantity that is not a whole number from 1 to 100", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    for (const quantity of [0, 101, 1.5, "2", null]) {
      await expectProblem(await put(key, alice, 1, { quantity }), "validation", ["quantity"]);
    }
    await expectProblem(await put(key, alice, 1, {}), "validation", ["quantity"]);
    await expectProblem(await put(key, alice, "x", { quantity: 1 }), "validation", ["productId"]);
  });

  it(`holds at most ${MAX_CART_LINES} different products`, async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    for (let id = 1; id <= MAX_CART_LINES; id++) {
      expect((await put(key, alice, id, { quantity: 1 })).status).toBe(200);
    }
    await expectProblem(await put(key, alice, MAX_CART_LINES + 1, { quantity: 1 }), "conflict");
    // Changing a product already in it is fine.
    expect((await put(key, alice, 1, { quantity: 2 })).status).toBe(200);
  });

  it("is each user's own: Alice's cart is not Bob's, and neither is reachable without a token", async () => {
    const key = await newSandboxKey();
    const { alice, bob } = await shopSandbox(key);
    await put(key, alice, 7, { quantity: 2 });
    expect((await cartOf(key, bob)).items).toEqual([]);
    // Bob removing product 7 touches his (empty) cart only.
    await expectProblem(await remove(key, bob, 7), "not-found");
    await put(key, bob, 7, { quantity: 1 });
    expect((await cartOf(key, alice)).items.map((i) => i.quantity)).toEqual([2]);
    expect((await cartOf(key, bob)).items.map((i) => i.quantity)).toEqual([1]);
    await expectProblem(await shop("GET", "/api/v1/shop/cart", { key }), "token-required");
    await expectProblem(await put(key, undefined, 7, { quantity: 5 }), "token-required");
  });
});
