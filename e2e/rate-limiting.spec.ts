import { consoleTitled, expect, test } from "./fixtures";

test("a learner hammers the fixed window from the console until it answers 429 with Retry-After", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("rate-limiting");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  const tryIt = consoleTitled(page, "One request to the fixed window");
  await tryIt.root.scrollIntoViewIfNeeded();

  // Each press spends the whole quota (cost=5), so the second press inside one 10 s window is
  // refused; a press that lands in a fresh window only starts its count again.
  await tryIt.request("GET", "/api/v1/limits/fixed-window?cost=5");
  let presses = 0;
  for (; presses < 6; presses++) {
    const answered = page.waitForResponse((res) =>
      res.url().includes("/api/v1/limits/fixed-window"),
    );
    await tryIt.send();
    if ((await answered).status() === 429) break;
  }
  expect(presses).toBeLessThan(6);
  await expect(tryIt.status()).toHaveText(/^429 Too Many Requests/);
  await expect(tryIt.root.getByTestId("problem")).toContainText("Too many requests");
  // The decision is a step in the timeline, next to the sandbox's own limit.
  await expect(
    tryIt
      .spans()
      .filter({ hasText: /refused, retry in \d+ s, 0 of 5 left \(fixed window, memory\)/ }),
  ).toHaveCount(1);

  const headers = tryIt.root.getByRole("table", { name: "Response headers" });
  await tryIt.root.locator("summary", { hasText: "Response headers" }).click();
  await expect(headers.getByRole("row", { name: /^retry-after \d+$/ })).toBeVisible();
  await expect(
    headers.getByRole("row", { name: /^ratelimit .*"fixed-window";r=0;t=\d+/ }),
  ).toBeVisible();
  await expect(
    headers.getByRole("row", {
      name: /^ratelimit-policy "sandbox";q=\d+;w=60, "fixed-window";q=5;w=10$/,
    }),
  ).toBeVisible();
});

test("a learner simulates a Redis outage and sees the sliding window fail closed", async ({
  lesson,
  page,
}) => {
  await lesson.open("rate-limiting");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  const closed = consoleTitled(page, "Sliding window, store down: fails closed");
  await closed.root.scrollIntoViewIfNeeded();
  await closed.send();
  await expect(closed.status()).toHaveText(/^503/, { timeout: 20_000 });
  await expect(closed.spans().filter({ hasText: "store down: refused, fails closed" })).toHaveCount(
    1,
  );
});

test("a burst of 20 at the token bucket is charted live: what the bucket holds is allowed, the rest 429", async ({
  lesson,
  page,
}) => {
  await lesson.open("rate-limiting");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  const bucket = consoleTitled(page, "One more, before the next token");
  await bucket.root.scrollIntoViewIfNeeded();
  // The burst opens under a console once it has answered; the first token goes to that answer.
  await bucket.send();
  await expect(bucket.status()).toHaveText(/^200/, { timeout: 20_000 });
  const burst = bucket.root.getByTestId("burst");
  await burst.locator("summary").click();
  await burst.getByLabel(/^Requests/).fill("20");
  await burst.getByLabel(/^In flight/).fill("20");
  await burst.getByRole("button", { name: "Send 20" }).click();
  // All 20 leave at once: the 4 tokens left find takers (one more for every 2 s the server takes
  // to answer them all, on a slow machine), the rest are refused.
  const summary = burst.getByTestId("burst-summary");
  await expect(summary).toContainText(/^20 sent · \d+ ok · \d+ × 429 · 0 other · p50 .* · p95 /, {
    timeout: 30_000,
  });
  const [, ok, limited] = /(\d+) ok · (\d+) × 429/.exec((await summary.textContent()) ?? "") ?? [];
  expect(Number(ok)).toBeGreaterThanOrEqual(4);
  expect(Number(limited)).toBeGreaterThanOrEqual(1);
  await expect(
    burst.getByRole("img", {
      name: `Outcomes over time: ${ok} allowed, ${limited} refused with 429, 0 other`,
      exact: false,
    }),
  ).toBeVisible();
});

test("a burst refuses to run with a sandbox key typed into the headers", async ({
  lesson,
  page,
}) => {
  await lesson.open("rate-limiting");
  const tryIt = consoleTitled(page, "One request to the fixed window");
  await tryIt.root.scrollIntoViewIfNeeded();
  await tryIt.root.getByRole("tab", { name: /Headers/ }).click();
  await tryIt.root.getByRole("button", { name: "Add header" }).click();
  await tryIt.root
    .getByRole("textbox", { name: /^Header \d+ name$/ })
    .last()
    .fill("X-Sandbox-Key");
  await tryIt.root
    .getByRole("textbox", { name: /^Header \d+ value$/ })
    .last()
    .fill("sbx_someone_else");
  // The key names no sandbox: 401. The burst then refuses to send it at all.
  await tryIt.send();
  await expect(tryIt.status()).toHaveText(/^401/, { timeout: 20_000 });
  const burst = tryIt.root.getByTestId("burst");
  await burst.locator("summary").click();
  await burst.getByRole("button", { name: "Send 20" }).click();
  await expect(burst.getByRole("alert")).toContainText("always runs as your own sandbox");
});
