import { consoleTitled, expect, FIRST, test } from "./fixtures";

test("a learner sees which instance answered, counts visits in shared state under a burst, and passes the checks", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("load-balancing");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);

  // Every answer names the instance that served it: a header and the last step of the timeline.
  const who = consoleTitled(page, "Which instance answered?");
  await who.root.scrollIntoViewIfNeeded();
  await who.send();
  await expect(who.status()).toHaveText(/^200/, FIRST);
  await who.root.locator("summary", { hasText: "Response headers" }).click();
  await expect(
    who.root.getByRole("table", { name: "Response headers" }).getByRole("row", {
      name: /^x-served-by \S+$/,
    }),
  ).toBeVisible();
  await expect(who.spans().filter({ hasText: /^instance/ })).toHaveCount(1);

  // A burst at it: every request answered by an instance (here, the one server of this run).
  const burst = who.root.getByTestId("burst");
  await burst.locator("summary").click();
  await burst.getByLabel(/^Requests/).fill("20");
  await burst.getByLabel(/^In flight/).fill("5");
  await burst.getByRole("button", { name: "Send 20" }).click();
  await expect(burst.getByTestId("burst-summary")).toContainText(/^20 sent · 20 ok · 0 × 429/, {
    timeout: 30_000,
  });

  // The visit counter lives in Postgres, so concurrent visits from any instance all count.
  const visit = consoleTitled(page, "Count a visit in Postgres");
  await visit.root.scrollIntoViewIfNeeded();
  await visit.send();
  await expect(visit.status()).toHaveText(/^200/, FIRST);
  await expect(visit.root.getByTestId("response-body")).toContainText('"visits": 1');
  const visits = visit.root.getByTestId("burst");
  await visits.locator("summary").click();
  await visits.getByLabel(/^Requests/).fill("12");
  await visits.getByLabel(/^In flight/).fill("4");
  await visits.getByRole("button", { name: "Send 12" }).click();
  await expect(visits.getByTestId("burst-summary")).toContainText(/^12 sent · 12 ok/, {
    timeout: 30_000,
  });
  await visit.send();
  await expect(visit.root.getByTestId("response-body")).toContainText('"visits": 14');

  const checkWork = page.getByTestId("check-work");
  await checkWork.scrollIntoViewIfNeeded();
  await checkWork.getByRole("button", { name: "Check my work" }).click();
  await expect(checkWork.getByTestId("check-summary")).toHaveText(
    /^All \d+ checks passed\. This lesson is done\.$/,
  );
});
