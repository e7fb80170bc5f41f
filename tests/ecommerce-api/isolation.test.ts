import { describe, expect, it } from "vitest";
import { expectProblem, newSandboxKey } from "../harness";
import {
  type CartView,
  json,
  type OrderView,
  order,
  type Page,
  type ProductView,
  setStock,
  shop,
  shopSandbox,
  stockOf,
} from "./client";

describe("nothing crosses sandboxes", () => {
  it("gives each sandbox its own catalog, stock, carts, orders and order numbers", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const [inA, inB] = await Promise.all([shopSandbox(a), shopSandbox(b)]);
    await setStock(a, inA.admin, 7, 1);
    await shop("PATCH", "/api/v1/shop/products/1", {
      key: a,
      token: inA.admin,
      body: { priceCents: 1, name: "A's beans" },
    });
    await shop("POST", "/api/v1/shop/products", {
      key: a,
      token: inA.admin,
      body: { sku: "A-ONLY", name: "Only in A", category: "desk", priceCents: 100, stock: 1 },
    });
    await shop("PUT", "/api/v1/shop/cart/items/2", {
      key: a,
      token: inA.alice,
      body: { quantity: 4 },
    });
    const placedInA = await json<OrderView>(
      await order(a, inA.alice, [{ productId: 7, quantity: 1 }]),
    );
    expect(placedInA.id).toBe(1);

    // B's shop is as seeded.
    expect(await stockOf(b, 7)).toBe(3);
    expect(
      await json<ProductView>(await shop("GET", "/api/v1/shop/products/1", { key: b })),
    ).toMatchObject({
      name: "Ethiopia Yirgacheffe beans, 250 g",
      priceCents: 1450,
    });
    await expectProblem(await shop("GET", "/api/v1/shop/products/51", { key: b }), "not-found");
    const listB = await json<Page<ProductView>>(
      await shop("GET", "/api/v1/shop/products", { key: b, query: { q: "Only in A" } }),
    );
    expect(listB.pagination.total).toBe(0);
    // B's Alice (also user 2) has her own empty cart and no order 1.
    expect(
      (await json<CartView>(await shop("GET", "/api/v1/shop/cart", { key: b, token: inB.alice })))
        .items,
    ).toEqual([]);
    await expectProblem(
      await shop("GET", "/api/v1/shop/orders/1", { key: b, token: inB.alice }),
      "not-found",
    );
    // B's first order is B's order 1, and B's stock is B's.
    const placedInB = await json<OrderView>(
      await order(b, inB.alice, [{ productId: 7, quantity: 3 }]),
    );
    expect(placedInB.id).toBe(1);
    expect(placedInB.lines[0]?.unitPriceCents).toBe(2400);
    expect(await stockOf(a, 7)).toBe(0);
  });

  it("refuses a token from another sandbox, even for a user with the same id", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const [inA] = await Promise.all([shopSandbox(a), shopSandbox(b)]);
    await order(a, inA.alice, [{ productId: 1, quantity: 1 }]);
    const res = await shop("GET", "/api/v1/shop/orders/1", { key: b, token: inA.alice });
    await expectProblem(res, "invalid-token");
    expect(res.headers.get("www-authenticate")).toContain("the token is for another sandbox");
    await expectProblem(
      await shop("PATCH", "/api/v1/shop/products/1", {
        key: b,
        token: inA.admin,
        body: { stock: 0 },
      }),
      "invalid-token",
    );
    expect(await stockOf(b, 1)).toBe(40);
    await expectProblem(
      await order(b, inA.alice, [{ productId: 1, quantity: 1 }]),
      "invalid-token",
    );
  });

  it("keeps Idempotency-Keys per sandbox too", async () => {
    const [a, b] = await Promise.all([newSandboxKey(), newSandboxKey()]);
    const [inA, inB] = await Promise.all([shopSandbox(a), shopSandbox(b)]);
    await order(a, inA.alice, [{ productId: 7, quantity: 2 }], "same-key");
    const inOther = await order(b, inB.alice, [{ productId: 7, quantity: 1 }], "same-key");
    expect(inOther.status).toBe(201);
    expect(inOther.headers.get("idempotent-replayed")).toBeNull();
    expect(await stockOf(b, 7)).toBe(2);
  });
});
