import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { findLesson } from "@/content/lessons";
import { BURST } from "@/content/lessons/cacheable-ecommerce-api/checks";
import { FRESH_MS } from "@/lib/caching-with-redis/cache";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { order, setStock, shopSandbox } from "../ecommerce-api/client";
import { call, newSandboxKey } from "../harness";
import { books, product, shop } from "./client";

async function failing(key: string, slug: string) {
  const res = await call(
    checkRoute,
    `/api/progress/${slug}/check`,
    { slug },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return (await expectConforms(checkWork, res)).checks.filter((c) => !c.passed).map((c) => c.id);
}

const idsOf = (slug: string) => findLesson(slug)?.checks.map((c) => c.id) ?? [];

afterEach(() => {
  vi.useRealTimers();
});

describe("the caching-with-redis lesson's checks", () => {
  it("all fail on a fresh sandbox, and pass after the exercises", async () => {
    const key = await newSandboxKey();
    expect(await failing(key, "caching-with-redis")).toEqual(idsOf("caching-with-redis"));
    // Two reads: the second is a HIT.
    await books(key);
    await books(key);
    expect(await failing(key, "caching-with-redis")).toEqual([
      "revalidated",
      "invalidated",
      "stampede-collapsed",
    ]);
    const etag = (await books(key)).headers.get("etag") ?? "";
    expect((await books(key, { "if-none-match": etag })).status).toBe(304);
    const { admin } = await shopSandbox(key);
    await setStock(key, admin, 10, 2);
    expect(await failing(key, "caching-with-redis")).toEqual(["invalidated", "stampede-collapsed"]);
    await books(key);
    expect(await failing(key, "caching-with-redis")).toEqual(["stampede-collapsed"]);
    // A write empties the cache; then a burst of one read at once.
    await setStock(key, admin, 10, 3);
    await Promise.all(Array.from({ length: 5 }, () => books(key)));
    expect(await failing(key, "caching-with-redis")).toEqual([]);
  });
});

describe("the cacheable-ecommerce-api lesson's checks", () => {
  it("all fail on a fresh sandbox, and pass after the exercises", async () => {
    const slug = "cacheable-ecommerce-api";
    const key = await newSandboxKey();
    expect(await failing(key, slug)).toEqual(idsOf(slug));
    const { alice } = await shopSandbox(key);

    // 1. Read, order, read again.
    const etag = (await product(key, 7)).headers.get("etag") ?? "";
    expect((await order(key, alice, [{ productId: 7, quantity: 1 }])).status).toBe(201);
    expect(await failing(key, slug)).toEqual([
      "order-invalidated",
      "revalidated-changed",
      "hit-ratio",
      "saw-stale",
    ]);
    // 2. The old ETag, after the change.
    expect((await product(key, 7, { "if-none-match": etag })).status).toBe(200);
    expect(await failing(key, slug)).toEqual(["hit-ratio", "saw-stale"]);

    // 3. A burst: one read short of the count is not a measurement yet.
    for (let i = 0; i < BURST.reads - 1; i += 1) await product(key, 8);
    expect(await failing(key, slug)).toEqual(["hit-ratio", "saw-stale"]);
    await product(key, 8);
    expect(await failing(key, slug)).toEqual(["saw-stale"]);

    // 4. Stale: past the fresh time, before the end.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + FRESH_MS + 1_000);
    expect((await product(key, 8)).headers.get("x-cache")).toBe("STALE");
    vi.useRealTimers();
    expect(await failing(key, slug)).toEqual([]);
  });

  it("do not count a burst of misses as a good HIT ratio", async () => {
    const key = await newSandboxKey();
    const { admin } = await shopSandbox(key);
    // Every other read follows a write: half of them miss.
    for (let i = 0; i < BURST.reads; i += 1) {
      await product(key, 9);
      if (i % 2 === 0) await setStock(key, admin, 9, 100 + i);
    }
    expect(await failing(key, "cacheable-ecommerce-api")).toContain("hit-ratio");
    expect((await shop("GET", "/api/v1/shop/products/9", { key })).status).toBe(200);
  });
});
