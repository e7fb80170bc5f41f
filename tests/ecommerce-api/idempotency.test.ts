import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { requestHash } from "@/lib/ecommerce-api/idempotency";
import { expectProblem, newSandboxKey } from "../harness";
import { lookupSandboxId } from "../jwt-auth/sandbox-id";
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

const MUGS = [{ productId: 7, quantity: 2 }];
const onPostgres = Boolean(process.env.DATABASE_URL);

async function ordersOf(key: string, token: string): Promise<OrderView[]> {
  return (await json<Page<OrderView>>(await shop("GET", "/api/v1/shop/orders", { key, token })))
    .data;
}

describe("Idempotency-Key on POST /api/v1/shop/orders", () => {
  it("answers a retry (same key, same body) with the same order and status, and takes no more stock", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const first = await order(key, alice, MUGS, '"mugs-1"');
    expect(first.status).toBe(201);
    const placed = await json<OrderView>(first);
    const retry = await order(key, alice, MUGS, '"mugs-1"');
    expect(retry.status).toBe(201);
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await json<OrderView>(retry)).toEqual(placed);
    expect(retry.headers.get("server-timing")).toMatch(/replay;dur=/);
    expect(retry.headers.get("server-timing")).not.toMatch(/stock;dur=/);
    expect(await stockOf(key, 7)).toBe(1);
    expect((await ordersOf(key, alice)).map((o) => o.id)).toEqual([placed.id]);
  });

  it("reads the key quoted (the draft's Structured Field String) or bare (Stripe's), as one key", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const quoted = await json<OrderView>(await order(key, alice, MUGS, '"a\\"b"'));
    const bare = await order(key, alice, MUGS, 'a"b');
    expect(bare.headers.get("idempotent-replayed")).toBe("true");
    expect((await json<OrderView>(bare)).id).toBe(quoted.id);
    // The items' order in the body changes nothing either.
    const two = [
      { productId: 1, quantity: 1 },
      { productId: 2, quantity: 1 },
    ];
    const placed = await json<OrderView>(await order(key, alice, two, "pair"));
    const reversed = await order(key, alice, [...two].reverse(), "pair");
    expect(reversed.headers.get("idempotent-replayed")).toBe("true");
    expect((await json<OrderView>(reversed)).id).toBe(placed.id);
  });

  it("is 422 for the same key with another body, and places nothing", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const placed = await json<OrderView>(await order(key, alice, MUGS, "k-1"));
    const other = await expectProblem(
      await order(key, alice, [{ productId: 7, quantity: 1 }], "k-1"),
      "idempotency-key-reused",
    );
    expect(other.detail).toContain(`order ${placed.id}`);
    await expectProblem(await order(key, alice, "cart", "k-1"), "idempotency-key-reused");
    expect(await stockOf(key, 7)).toBe(1);
    expect(await ordersOf(key, alice)).toHaveLength(1);
  });

  it("keeps each user's keys apart: Bob's k-1 is not Alice's", async () => {
    const key = await newSandboxKey();
    const { alice, bob } = await shopSandbox(key);
    const hers = await json<OrderView>(await order(key, alice, MUGS, "k-1"));
    // Another body under the same key string: for Bob it is simply his first use of it.
    const his = await order(key, bob, [{ productId: 7, quantity: 1 }], "k-1");
    expect(his.status).toBe(201);
    expect(his.headers.get("idempotent-replayed")).toBeNull();
    expect((await json<OrderView>(his)).id).toBe(hers.id + 1);
    expect(await stockOf(key, 7)).toBe(0);
  });

  it("remembers only placed orders: after a 409, the same key places the order once there is stock", async () => {
    const key = await newSandboxKey();
    const { alice, admin } = await shopSandbox(key);
    await expectProblem(
      await order(key, alice, [{ productId: 7, quantity: 5 }], "big"),
      "insufficient-stock",
    );
    await setStock(key, admin, 7, 5);
    const res = await order(key, alice, [{ productId: 7, quantity: 5 }], "big");
    expect(res.status).toBe(201);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(await stockOf(key, 7)).toBe(0);
  });

  it("is 422 for a header that is not a key, naming the header", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    for (const bad of ['""', '"unterminated', "two words", `"${"x".repeat(256)}"`, '"tab\there"']) {
      const body = await expectProblem(await order(key, alice, MUGS, bad), "validation");
      expect(body.errors).toEqual([
        { in: "header", field: "Idempotency-Key", message: expect.any(String) },
      ]);
    }
    expect(await stockOf(key, 7)).toBe(3);
    expect((await order(key, alice, MUGS, "x".repeat(255))).status).toBe(201);
  });

  it("places one order for ten concurrent retries with one key", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => order(key, alice, MUGS, "together")),
    );
    const placed = results.filter((r) => r.status === 201);
    // On PGlite the requests run one after another (all 201). On Postgres the ones that arrive
    // while the first is still running are told so (409) and nothing else happens to them.
    for (const res of results.filter((r) => r.status !== 201))
      await expectProblem(res, "idempotency-key-in-use");
    expect(placed.length).toBeGreaterThanOrEqual(1);
    const ids = new Set(await Promise.all(placed.map(async (r) => (await json<OrderView>(r)).id)));
    expect([...ids]).toEqual([1]);
    expect(placed.filter((r) => !r.headers.get("idempotent-replayed"))).toHaveLength(1);
    expect(await stockOf(key, 7)).toBe(1);
    expect(await ordersOf(key, alice)).toHaveLength(1);
  });

  it("fingerprints the request by its meaning: sorted items, or fromCart", () => {
    const a = requestHash({
      items: [
        { productId: 2, quantity: 1 },
        { productId: 1, quantity: 3 },
      ],
    });
    const b = requestHash({
      items: [
        { productId: 1, quantity: 3 },
        { productId: 2, quantity: 1 },
      ],
    });
    expect(a).toBe(b);
    expect(a).not.toBe(requestHash({ items: [{ productId: 1, quantity: 3 }] }));
    expect(requestHash({ fromCart: true })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.runIf(onPostgres)("Idempotency-Key while its first request runs (real Postgres)", () => {
  it("is 409 for a retry while another transaction holds the key, then answers once it is free", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    const sandboxId = await lookupSandboxId(key);
    const db = await getDb();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // Play the first request: hold the key's lock in a transaction of our own.
    const holder = db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(2, hashtext(${sandboxId} || ':' || ${2} || ':' || ${"slow"}))`,
      );
      locked();
      await held;
    });
    await isLocked;
    const busy = await expectProblem(
      await order(key, alice, MUGS, "slow"),
      "idempotency-key-in-use",
    );
    expect(busy.detail).toContain('"slow"');
    expect(await stockOf(key, 7)).toBe(3);
    release();
    await holder;
    expect((await order(key, alice, MUGS, "slow")).status).toBe(201);
  });
});
