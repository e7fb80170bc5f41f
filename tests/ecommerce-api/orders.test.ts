import { describe, expect, it } from "vitest";
import { expectPipelineHeaders, expectProblem, linksOf, newSandboxKey } from "../harness";
import {
  type CartView,
  json,
  type OrderView,
  order,
  type Page,
  shop,
  shopSandbox,
  stockOf,
} from "./client";

describe("POST /api/v1/shop/orders", () => {
  it("places an order of items: 201, Location, prices in cents, stock taken", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const res = await order(key, alice, [
      { productId: 9, quantity: 3 },
      { productId: 6, quantity: 1 },
    ]);
    expect(res.status).toBe(201);
    expectPipelineHeaders(res);
    expect(res.headers.get("location")).toBe("/api/v1/shop/orders/1");
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    const placed = await json<OrderView>(res);
    expect(placed).toEqual({
      id: 1,
      status: "placed",
      currency: "USD",
      totalCents: 3 * 599 + 3995,
      createdAt: expect.any(String),
      // Lines in product id order, each with the name and price it was bought at.
      lines: [
        {
          productId: 6,
          name: "AeroPress coffee maker",
          unitPriceCents: 3995,
          quantity: 1,
          lineTotalCents: 3995,
        },
        {
          productId: 9,
          name: "Paper filters, 100 pack",
          unitPriceCents: 599,
          quantity: 3,
          lineTotalCents: 1797,
        },
      ],
    });
    expect(await stockOf(key, 9)).toBe(117);
    expect(await stockOf(key, 6)).toBe(14);
    const timing = res.headers.get("server-timing") ?? "";
    expect(timing).toMatch(/stock;dur=/);
    expect(timing).toMatch(/order;dur=/);
    expect(timing).not.toMatch(/idempotency;dur=/);
  });

  it("orders the cart: its lines at today's prices, then empties it", async () => {
    const key = await newSandboxKey();
    const { alice, admin } = await shopSandbox(key);
    for (const [productId, quantity] of [
      [44, 2],
      [10, 1],
    ] as const) {
      await shop("PUT", `/api/v1/shop/cart/items/${productId}`, {
        key,
        token: alice,
        body: { quantity },
      });
    }
    await shop("PATCH", "/api/v1/shop/products/10", {
      key,
      token: admin,
      body: { priceCents: 4500 },
    });
    const res = await order(key, alice, "cart");
    expect(res.status).toBe(201);
    expect(res.headers.get("server-timing")).toMatch(/cart;dur=/);
    const placed = await json<OrderView>(res);
    expect(placed.lines.map((l) => [l.productId, l.quantity, l.unitPriceCents])).toEqual([
      [10, 1, 4500],
      [44, 2, 800],
    ]);
    expect(placed.totalCents).toBe(6100);
    const cart = await json<CartView>(
      await shop("GET", "/api/v1/shop/cart", { key, token: alice }),
    );
    expect(cart.items).toEqual([]);
    expect(await stockOf(key, 44)).toBe(98);
    const empty = await expectProblem(await order(key, alice, "cart"), "conflict");
    expect(empty.detail).toContain("Your cart is empty");
  });

  it("is 409 naming the product when its stock is short, and orders nothing at all", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const short = await expectProblem(
      await order(key, alice, [
        { productId: 1, quantity: 5 },
        { productId: 11, quantity: 6 },
        { productId: 20, quantity: 1 },
      ]),
      "insufficient-stock",
    );
    expect(short.detail).toBe(
      "Nothing was ordered: only 5 of product 11 (HTTP: The Definitive Guide) left, and you asked for 6.",
    );
    // Product 1 came first and was taken, then given back when 11 failed: all or nothing.
    expect(await stockOf(key, 1)).toBe(40);
    expect(await stockOf(key, 11)).toBe(5);
    expect(await stockOf(key, 20)).toBe(10);
    const soldOut = await expectProblem(
      await order(key, alice, [{ productId: 43, quantity: 1 }]),
      "insufficient-stock",
    );
    expect(soldOut.detail).toContain("product 43 (T-shirt: 500 Internal Server Error) is sold out");
    const history = await json<Page<OrderView>>(
      await shop("GET", "/api/v1/shop/orders", { key, token: alice }),
    );
    expect(history.pagination.total).toBe(0);
    // The refused orders took no order number: the next one is 1.
    expect(
      (await json<OrderView>(await order(key, alice, [{ productId: 11, quantity: 5 }]))).id,
    ).toBe(1);
    expect(await stockOf(key, 11)).toBe(0);
  });

  it("is 409 for a product no longer sold, and 422 for one the shop never had", async () => {
    const key = await newSandboxKey();
    const { alice, admin } = await shopSandbox(key);
    await shop("PATCH", "/api/v1/shop/products/2", {
      key,
      token: admin,
      body: { active: false },
    });
    const gone = await expectProblem(
      await order(key, alice, [{ productId: 2, quantity: 1 }]),
      "conflict",
    );
    expect(gone.detail).toBe(
      "Nothing was ordered: product 2 (Colombia Huila beans, 250 g) is no longer sold.",
    );
    const unknown = await expectProblem(
      await order(key, alice, [
        { productId: 3, quantity: 1 },
        { productId: 777, quantity: 1 },
      ]),
      "validation",
      ["items.1.productId"],
    );
    expect(unknown.errors?.[0]?.message).toBe("is not a product of your sandbox's shop");
    expect(await stockOf(key, 3)).toBe(12);
  });

  it("is 422 for bodies that do not say one clear thing to order", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const send = (body: unknown) =>
      shop("POST", "/api/v1/shop/orders", { key, token: alice, body });
    await expectProblem(await send({}), "validation", ["(root)"]);
    await expectProblem(
      await send({ items: [{ productId: 1, quantity: 1 }], fromCart: true }),
      "validation",
      ["(root)"],
    );
    await expectProblem(await send({ items: [] }), "validation", ["items"]);
    await expectProblem(await send({ fromCart: false }), "validation", ["fromCart"]);
    const twice = await expectProblem(
      await send({
        items: [
          { productId: 5, quantity: 1 },
          { productId: 5, quantity: 2 },
        ],
      }),
      "validation",
      ["items.1.productId"],
    );
    expect(twice.errors?.[0]?.message).toBe(
      "product 5 is already in items.0: send one line per product",
    );
    await expectProblem(
      await send({ items: [{ productId: 1, quantity: 0.5, price: 1 }] }),
      "validation",
      ["items.0.quantity", "items.0.price"],
    );
    await expectProblem(
      await send({
        items: Array.from({ length: 21 }, (_, i) => ({ productId: i + 1, quantity: 1 })),
      }),
      "validation",
      ["items"],
    );
    await expectProblem(
      await shop("POST", "/api/v1/shop/orders", {
        key,
        token: alice,
        body: "{ not json",
      }),
      "malformed-request",
    );
    expect(await stockOf(key, 1)).toBe(40);
  });

  it("is 401 without a valid access token, and orders nothing", async () => {
    const key = await newSandboxKey();
    await shopSandbox(key);
    await expectProblem(
      await shop("POST", "/api/v1/shop/orders", {
        key,
        body: { items: [{ productId: 1, quantity: 1 }] },
      }),
      "token-required",
    );
    await expectProblem(
      await order(key, "x.y.z", [{ productId: 1, quantity: 1 }]),
      "invalid-token",
    );
    expect(await stockOf(key, 1)).toBe(40);
  });

  it("lets an admin shop too", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    expect((await order(key, admin, [{ productId: 1, quantity: 1 }])).status).toBe(201);
  });
});

describe("GET /api/v1/shop/orders and /orders/:id", () => {
  it("lists a user's orders newest first, a page at a time, with the prices they were placed at", async () => {
    const key = await newSandboxKey();
    const { alice, admin } = await shopSandbox(key);
    for (const productId of [1, 2, 3]) await order(key, alice, [{ productId, quantity: 1 }]);
    await shop("PATCH", "/api/v1/shop/products/1", {
      key,
      token: admin,
      body: { priceCents: 9999 },
    });
    const res = await shop("GET", "/api/v1/shop/orders", {
      key,
      token: alice,
      query: { limit: "2" },
    });
    expect(res.status).toBe(200);
    const page = await json<Page<OrderView>>(res);
    expect(page.data.map((o) => o.id)).toEqual([3, 2]);
    expect(page.pagination).toEqual({ page: 1, limit: 2, total: 3, totalPages: 2 });
    expect(linksOf(res).next).toBe("/api/v1/shop/orders?limit=2&page=2");
    const second = await json<Page<OrderView>>(
      await shop("GET", "/api/v1/shop/orders", {
        key,
        token: alice,
        query: { page: "2", limit: "2" },
      }),
    );
    expect(second.data.map((o) => [o.id, o.lines[0]?.unitPriceCents])).toEqual([[1, 1450]]);
    const one = await shop("GET", "/api/v1/shop/orders/1", { key, token: alice });
    expect(await json<OrderView>(one)).toEqual(second.data[0]);
    await expectProblem(
      await shop("GET", "/api/v1/shop/orders", { key, token: alice, query: { limit: "51" } }),
      "validation",
      ["limit"],
    );
  });

  it("keeps each user's orders their own: Bob's order is 404 to Alice, like one that does not exist", async () => {
    const key = await newSandboxKey();
    const { alice, bob, admin } = await shopSandbox(key);
    await order(key, alice, [{ productId: 1, quantity: 1 }]);
    await order(key, bob, [{ productId: 2, quantity: 1 }]);
    const notHers = await expectProblem(
      await shop("GET", "/api/v1/shop/orders/2", { key, token: alice }),
      "not-found",
    );
    const nobodys = await expectProblem(
      await shop("GET", "/api/v1/shop/orders/3", { key, token: alice }),
      "not-found",
    );
    expect(notHers.detail).toBe("You have no order 2.");
    expect(nobodys.detail).toBe("You have no order 3.");
    const mine = async (token: string) =>
      (
        await json<Page<OrderView>>(await shop("GET", "/api/v1/shop/orders", { key, token }))
      ).data.map((o) => o.id);
    expect(await mine(alice)).toEqual([1]);
    expect(await mine(bob)).toEqual([2]);
    // An admin's history is their own orders too; no one reads another's through this API.
    expect(await mine(admin)).toEqual([]);
    await expectProblem(await shop("GET", "/api/v1/shop/orders/1", { key }), "token-required");
  });
});
