import { consoleTitled, expect, FIRST, test } from "./fixtures";

test("a learner reads the books twice: a MISS with a db step, then a HIT without one", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("caching-with-redis");
  // A fresh sandbox of its own, so nothing of another test is cached.
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  const read = consoleTitled(page, "Books, 3 per page: the first read");
  await read.root.scrollIntoViewIfNeeded();
  const headers = read.root.getByRole("table", { name: "Response headers" });

  await read.send();
  await expect(read.status()).toHaveText(/^200/, FIRST);
  await read.root.locator("summary", { hasText: "Response headers" }).click();
  await expect(headers.getByRole("row", { name: /^x-cache MISS$/ })).toBeVisible();
  await expect(read.spans().filter({ hasText: /^db/ })).toHaveCount(1);
  await expect(read.spans().filter({ hasText: /MISS in \w+/ })).toHaveCount(1);

  await read.send();
  await expect(headers.getByRole("row", { name: /^x-cache HIT$/ })).toBeVisible();
  await expect(read.spans().filter({ hasText: /HIT in \w+/ })).toHaveCount(1);
  await expect(read.spans().filter({ hasText: /^db/ })).toHaveCount(0);
});

test("a burst at a warm catalog read shows the cache HIT ratio", async ({ lesson, page }) => {
  test.slow();
  await lesson.open("cacheable-ecommerce-api");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  const mug = consoleTitled(page, "The mug, first read");
  await mug.root.scrollIntoViewIfNeeded();
  await mug.send();
  await expect(mug.status()).toHaveText(/^200/, FIRST);
  const burst = mug.root.getByTestId("burst");
  await burst.locator("summary").click();
  await burst.getByLabel(/^Requests/).fill("20");
  await burst.getByLabel(/^In flight/).fill("5");
  await burst.getByRole("button", { name: "Send 20" }).click();
  // Nothing writes to the catalog meanwhile, so every answer of the burst is a HIT.
  await expect(burst.getByTestId("burst-summary")).toContainText(
    /^20 sent · 20 ok · 0 × 429 · 0 other · .* · cache HIT 100%/,
    { timeout: 30_000 },
  );
});
