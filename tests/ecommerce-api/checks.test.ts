import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { findLesson } from "@/content/lessons";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, newSandboxKey } from "../harness";
import { order, setStock, shop, shopSandbox } from "./client";

async function check(key: string) {
  const res = await call(
    checkRoute,
    "/api/progress/ecommerce-api/check",
    { slug: "ecommerce-api" },
    { method: "POST", key },
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return expectConforms(checkWork, res);
}

const failing = async (key: string) =>
  (await check(key)).checks.filter((c) => !c.passed).map((c) => c.id);

describe("Check my work, for the shop lesson", () => {
  it("fails every check on a fresh sandbox, and passes each as the exercises are done", async () => {
    const key = await newSandboxKey();
    const all = findLesson("ecommerce-api")?.checks.map((c) => c.id) ?? [];
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(await failing(key)).toEqual(all);
    const { alice, admin } = await shopSandbox(key);

    // Browsing, and orders that do not satisfy a check, change nothing.
    await order(key, alice, [{ productId: 1, quantity: 1 }]);
    expect(await failing(key)).toEqual(all);

    await shop("PUT", "/api/v1/shop/cart/items/2", { key, token: alice, body: { quantity: 1 } });
    await order(key, alice, "cart");
    expect(await failing(key)).not.toContain("checked-out-cart");

    await order(key, alice, [{ productId: 3, quantity: 1 }], "retry-me");
    expect(await failing(key)).toContain("idempotent-retry");
    await order(key, alice, [{ productId: 3, quantity: 1 }], "retry-me");
    expect(await failing(key)).not.toContain("idempotent-retry");

    await order(key, alice, [{ productId: 12, quantity: 5 }]);
    expect(await failing(key)).not.toContain("oversell-refused");

    await shop("PATCH", "/api/v1/shop/products/4", { key, token: alice, body: { stock: 0 } });
    expect(await failing(key)).not.toContain("customer-forbidden");

    await setStock(key, admin, 4, 2);
    expect(await failing(key)).toEqual(["sold-out"]);
    await order(key, alice, [{ productId: 4, quantity: 2 }]);
    const report = await check(key);
    expect(report.passed).toBe(true);
  });

  it("does not count the seeded sold-out product, nor a stock the admin set to 0", async () => {
    const key = await newSandboxKey();
    const { admin, alice } = await shopSandbox(key);
    await order(key, alice, [{ productId: 5, quantity: 1 }]);
    await setStock(key, admin, 6, 0);
    expect(await failing(key)).toContain("sold-out");
  });
});
