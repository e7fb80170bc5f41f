import { consoleTitled, expect, sendExpecting, test } from "./fixtures";

test("a learner logs Alice in, orders two mugs, retries with the same Idempotency-Key and gets the same order, then is refused more mugs than are left", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("ecommerce-api");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);

  await sendExpecting(consoleTitled(page, "Register Alice"), /^201/);
  await sendExpecting(consoleTitled(page, "Alice logs in"), /^200/);

  // The order console carries Alice's token from the login above and the key "alice-mugs-1".
  const mugs = consoleTitled(page, "Alice orders two mugs");
  await sendExpecting(mugs, /^201/);
  await expect(mugs.responseBody()).toContainText('"id": 1');
  await expect(mugs.responseBody()).toContainText('"totalCents": 4800');
  await expect(mugs.spans().filter({ hasText: "stock" }).first()).toBeVisible();

  // The same request again: the same order, no stock taken, and the header says it was a retry.
  const retry = consoleTitled(page, "The same request again: a retry");
  await sendExpecting(retry, /^201/);
  await expect(retry.responseBody()).toContainText('"id": 1');
  await expect(retry.spans().filter({ hasText: "replay" }).first()).toBeVisible();
  await expect(retry.spans().filter({ hasText: "stock" })).toHaveCount(0);
  await retry.root.locator("summary", { hasText: "Response headers" }).click();
  await expect(retry.root.getByRole("row", { name: "idempotent-replayed true" })).toBeVisible();

  await sendExpecting(consoleTitled(page, "Product 7 after the order and its retry"), /^200/);
  await expect(
    consoleTitled(page, "Product 7 after the order and its retry").responseBody(),
  ).toContainText('"stock": 1');

  // Two more with one left: 409, and the problem names the product.
  const oversell = consoleTitled(page, "Two more mugs, with one left");
  await sendExpecting(oversell, /^409/);
  await expect(oversell.root.getByTestId("problem")).toContainText("Not enough stock");
  await expect(oversell.root.getByTestId("problem")).toContainText(
    "only 1 of product 7 (Limited-edition enamel mug) left, and you asked for 2",
  );
});
