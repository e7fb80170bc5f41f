import { afterEach, describe, expect, it, vi } from "vitest";
import { FRESH_MS, flightsSettled, STALE_MS } from "@/lib/caching-with-redis/cache";
import { resetSandbox } from "@/lib/sandbox/lifecycle";
import { order, setStock, shopSandbox } from "../ecommerce-api/client";
import { newSandboxKey } from "../harness";
import { lookupSandboxId } from "../jwt-auth/sandbox-id";
import {
  books,
  cacheSpanOf,
  categories,
  json,
  type Page,
  type ProductView,
  product,
  shop,
  spansOf,
} from "./client";

afterEach(() => {
  vi.useRealTimers();
});

describe("catalog reads, cache-aside", () => {
  it("are a MISS that reads the database, then a HIT that does not", async () => {
    const key = await newSandboxKey();
    const first = await books(key);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("MISS");
    expect(first.headers.get("cache-status")).toBe("bmj-catalog; fwd=miss; stored");
    expect(spansOf(first)).toContain("db");
    expect(cacheSpanOf(first)).toMatch(/^MISS in /);

    const second = await books(key);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.headers.get("cache-status")).toMatch(/^bmj-catalog; hit; ttl=\d+$/);
    expect(spansOf(second)).toContain("cache");
    expect(spansOf(second)).not.toContain("db");
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("link")).toBe(first.headers.get("link"));
  });

  it("share one entry for one query however it is written", async () => {
    const key = await newSandboxKey();
    expect((await books(key)).headers.get("x-cache")).toBe("MISS");
    const same = await shop("GET", "/api/v1/shop/products", {
      key,
      query: { limit: "3", page: "1", sort: "id", category: "books" },
    });
    expect(same.headers.get("x-cache")).toBe("HIT");
    const other = await shop("GET", "/api/v1/shop/products", {
      key,
      query: { limit: "3", category: "books", sort: "price" },
    });
    expect(other.headers.get("x-cache")).toBe("MISS");
  });

  it("cache one product and the categories the same way", async () => {
    const key = await newSandboxKey();
    expect((await product(key, 7)).headers.get("x-cache")).toBe("MISS");
    const hit = await product(key, 7);
    expect(hit.headers.get("x-cache")).toBe("HIT");
    expect((await json<ProductView>(hit)).stock).toBe(3);
    expect((await categories(key)).headers.get("x-cache")).toBe("MISS");
    expect(spansOf(await categories(key))).not.toContain("db");
  });

  it("do not cache a 404", async () => {
    const key = await newSandboxKey();
    for (let i = 0; i < 2; i += 1) {
      const res = await product(key, 999);
      expect(res.status).toBe(404);
      expect(spansOf(res)).toContain("db");
    }
  });
});

describe("HTTP caching on the same endpoints", () => {
  it("sends private, no-cache, Vary and an ETag, and 304 for a copy that is current", async () => {
    const key = await newSandboxKey();
    const first = await books(key);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("vary")).toBe("X-Sandbox-Key, Cookie");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);

    const revalidated = await books(key, { "if-none-match": etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect(revalidated.headers.get("x-cache")).toBe("HIT");
    expect(spansOf(revalidated)).not.toContain("db");

    // A weak comparison (RFC 9110 §13.1.2): W/"x" matches "x"; another tag does not.
    expect((await books(key, { "if-none-match": `W/${etag}` })).status).toBe(304);
    expect((await books(key, { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("answers 200 with the new version once the copy is outdated by a write", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    const etag = (await product(key, 10)).headers.get("etag") ?? "";
    await setStock(key, admin, 10, 1);
    const after = await product(key, 10, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect((await json<ProductView>(after)).stock).toBe(1);
  });
});

describe("invalidation", () => {
  it("on an admin's product update: the product and every cached page and count", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    for (const read of [() => books(key), () => product(key, 10), () => categories(key)]) {
      await read();
      expect((await read()).headers.get("x-cache")).toBe("HIT");
    }
    const patched = await shop("PATCH", "/api/v1/shop/products/10", {
      key,
      token: admin,
      body: { priceCents: 3999, active: false },
    });
    expect(patched.status).toBe(200);
    expect(cacheSpanOf(patched)).toMatch(/^DEL your catalog/);

    const page = await books(key);
    expect(page.headers.get("x-cache")).toBe("MISS");
    expect((await json<Page<ProductView>>(page)).data.map((p) => p.id)).toEqual([11, 12, 13]);
    const one = await product(key, 10);
    expect(one.headers.get("x-cache")).toBe("MISS");
    expect(await json<ProductView>(one)).toMatchObject({ priceCents: 3999, active: false });
    const counts = await categories(key);
    expect(counts.headers.get("x-cache")).toBe("MISS");
    const data = (await json<{ data: { slug: string; products: number }[] }>(counts)).data;
    expect(data.find((c) => c.slug === "books")?.products).toBe(8);
  });

  it("on a new product", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    await books(key);
    const created = await shop("POST", "/api/v1/shop/products", {
      key,
      token: admin,
      body: {
        sku: "BK-CACHE",
        name: "Caching at scale",
        category: "books",
        priceCents: 1,
        stock: 1,
      },
    });
    expect(created.status).toBe(201);
    const page = await books(key);
    expect(page.headers.get("x-cache")).toBe("MISS");
    expect((await json<Page<ProductView>>(page)).pagination.total).toBe(10);
  });

  it("on the stock an order takes, and not on a refused order or an idempotent replay", async () => {
    const key = await newSandboxKey();
    const { alice } = await shopSandbox(key);
    await product(key, 7);
    expect((await order(key, alice, [{ productId: 7, quantity: 1 }], "k-1")).status).toBe(201);
    const after = await product(key, 7);
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect((await json<ProductView>(after)).stock).toBe(2);

    expect((await product(key, 7)).headers.get("x-cache")).toBe("HIT");
    expect((await order(key, alice, [{ productId: 7, quantity: 1 }], "k-1")).status).toBe(201);
    expect((await order(key, alice, [{ productId: 7, quantity: 5 }])).status).toBe(409);
    expect((await product(key, 7)).headers.get("x-cache")).toBe("HIT");
  });

  it("on a sandbox reset", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    await setStock(key, admin, 7, 0);
    expect((await json<ProductView>(await product(key, 7))).stock).toBe(0);
    await resetSandbox({ sandboxId: await lookupSandboxId(key) });
    const after = await product(key, 7);
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect((await json<ProductView>(after)).stock).toBe(3);
  });
});

describe("stampede protection", () => {
  it("makes 50 concurrent misses of one key one database read", async () => {
    const key = await newSandboxKey();
    const answers = await Promise.all(Array.from({ length: 50 }, () => books(key)));
    const bodies = await Promise.all(answers.map((res) => res.text()));
    expect(answers.every((res) => res.status === 200)).toBe(true);
    expect(new Set(bodies).size).toBe(1);
    // Every answer came from the one read: exactly one of them ran the database step.
    const withDb = answers.filter((res) => spansOf(res).includes("db"));
    expect(withDb).toHaveLength(1);
    const collapsed = answers.filter((res) =>
      res.headers.get("cache-status")?.includes("collapsed"),
    );
    expect(collapsed).toHaveLength(49);
    expect(collapsed.every((res) => spansOf(res).includes("wait"))).toBe(true);
    expect((await books(key)).headers.get("x-cache")).toBe("HIT");
  });
});

describe("stale-while-revalidate", () => {
  it("serves a stale answer at once, refreshes it in the background, and forgets an old one", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    vi.useFakeTimers({ toFake: ["Date"] });
    await product(key, 3);
    vi.setSystemTime(Date.now() + FRESH_MS + 1_000);
    const stale = await product(key, 3);
    expect(stale.headers.get("x-cache")).toBe("STALE");
    expect(stale.headers.get("cache-status")).toMatch(/; hit; ttl=-\d+$/);
    expect(spansOf(stale)).not.toContain("db");
    expect(cacheSpanOf(stale)).toMatch(/^STALE .*refreshing in the background/);
    await flightsSettled();
    expect((await product(key, 3)).headers.get("x-cache")).toBe("HIT");

    vi.setSystemTime(Date.now() + FRESH_MS + STALE_MS + 1_000);
    expect((await product(key, 3)).headers.get("x-cache")).toBe("MISS");
    // A write still invalidates at once: never a STALE answer after a write.
    await setStock(key, admin, 3, 1);
    vi.setSystemTime(Date.now() + FRESH_MS + 1_000);
    const read = await product(key, 3);
    expect(read.headers.get("x-cache")).toBe("MISS");
    expect((await json<ProductView>(read)).stock).toBe(1);
  });
});

describe("per-sandbox keys", () => {
  it("never answer one sandbox from another's cache", async () => {
    const [a, b] = [await newSandboxKey(), await newSandboxKey()];
    const { admin } = await shopSandbox(a);
    await setStock(a, admin, 7, 0);
    expect((await json<ProductView>(await product(a, 7))).stock).toBe(0);
    expect((await product(a, 7)).headers.get("x-cache")).toBe("HIT");
    const theirs = await product(b, 7);
    expect(theirs.headers.get("x-cache")).toBe("MISS");
    expect((await json<ProductView>(theirs)).stock).toBe(3);
    // …and a write in one does not empty the other's.
    expect((await product(b, 7)).headers.get("x-cache")).toBe("HIT");
    await setStock(a, admin, 7, 2);
    expect((await product(b, 7)).headers.get("x-cache")).toBe("HIT");
  });
});
