import { describe, expect, it } from "vitest";
import { expectProblem, newSandboxKey } from "../harness";
import {
  json,
  type OrderView,
  order,
  type Page,
  setStock,
  shop,
  shopSandbox,
  stockOf,
} from "./client";

const onPostgres = Boolean(process.env.DATABASE_URL);

// On PGlite every transaction runs alone (one connection), so this shows the bookkeeping is
// right; on real Postgres (CI's second pass) 10 connections' transactions overlap for real, and
// this is the test that would fail if the stock were checked and then updated.
describe(`concurrent checkouts (${onPostgres ? "real Postgres: transactions overlap" : "PGlite: one at a time"})`, () => {
  it("sells exactly the last 10 units to 200 concurrent orders: 10 × 201, 190 × 409, stock 0", async () => {
    const key = await newSandboxKey();
    const { alice, bob, admin } = await shopSandbox(key);
    await setStock(key, admin, 7, 10);
    const buyers = [alice, bob, admin];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        order(key, buyers[i % buyers.length] as string, [{ productId: 7, quantity: 1 }]),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(190);
    for (const res of results.filter((r) => r.status === 409)) {
      const body = await expectProblem(res, "insufficient-stock");
      expect(body.detail).toContain("product 7 (Limited-edition enamel mug) is sold out");
    }
    expect(await stockOf(key, 7)).toBe(0);
    // Ten orders, numbered 1 to 10 with no gaps, one unit each.
    const placed = await Promise.all(results.filter((r) => r.status === 201).map(json<OrderView>));
    expect(placed.map((o) => o.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const histories = await Promise.all(
      buyers.map(
        async (token) =>
          (await json<Page<OrderView>>(await shop("GET", "/api/v1/shop/orders", { key, token })))
            .pagination.total,
      ),
    );
    expect(histories.reduce((a, b) => a + b, 0)).toBe(10);
  }, 180_000);

  it("never deadlocks when orders name the same two products in opposite orders", async () => {
    const key = await newSandboxKey();
    const { alice, bob } = await shopSandbox(key);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        order(
          key,
          i % 2 ? alice : bob,
          i % 2
            ? [
                { productId: 36, quantity: 1 },
                { productId: 40, quantity: 1 },
              ]
            : [
                { productId: 40, quantity: 1 },
                { productId: 36, quantity: 1 },
              ],
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(await stockOf(key, 36)).toBe(45 - 30);
    expect(await stockOf(key, 40)).toBe(40 - 30);
  }, 120_000);

  it("keeps carts apart when two users check out at once", async () => {
    const key = await newSandboxKey();
    const { alice, bob } = await shopSandbox(key);
    await shop("PUT", "/api/v1/shop/cart/items/1", { key, token: alice, body: { quantity: 2 } });
    await shop("PUT", "/api/v1/shop/cart/items/2", { key, token: bob, body: { quantity: 3 } });
    const [hers, his] = await Promise.all([order(key, alice, "cart"), order(key, bob, "cart")]);
    expect((await json<OrderView>(hers as Response)).lines.map((l) => l.productId)).toEqual([1]);
    expect((await json<OrderView>(his as Response)).lines.map((l) => l.productId)).toEqual([2]);
  });
});
