import { consoleTitled, expect, FIRST, sendExpecting, test } from "./fixtures";

const headerRow = (panel: ReturnType<typeof consoleTitled>, row: RegExp) =>
  panel.root.getByRole("table", { name: "Response headers" }).getByRole("row", { name: row });

async function openHeaders(panel: ReturnType<typeof consoleTitled>) {
  await panel.root.locator("summary", { hasText: "Response headers" }).click();
}

test("a learner compares v1 and v2 side by side, then follows v2's cursor", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("api-versioning");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  const v1 = consoleTitled(page, "v1: the first page of two");
  const v2 = consoleTitled(page, "v2: the first page of two");

  // Side by side on a desktop: one row, v1 on the left.
  const [left, right] = [await v1.root.boundingBox(), await v2.root.boundingBox()];
  if (!left || !right) throw new Error("the consoles are not laid out");
  expect(Math.abs(left.y - right.y)).toBeLessThan(2);
  expect(right.x - left.x).toBeGreaterThan(left.width - 1);

  await sendExpecting(v1, /^200/);
  await expect(v1.responseBody()).toContainText('"title"');
  await expect(v1.responseBody()).toContainText('"totalPages"');
  await openHeaders(v1);
  await expect(headerRow(v1, /^deprecation @1767225600$/)).toBeVisible();
  await expect(headerRow(v1, /^sunset Sat, 01 Jan 2028 00:00:00 GMT$/)).toBeVisible();
  await expect(headerRow(v1, /rel="deprecation"/)).toBeVisible();

  await sendExpecting(v2, /^200/);
  await expect(v2.responseBody()).toContainText('"text"');
  await expect(v2.responseBody()).not.toContainText('"title"');
  await expect(v2.responseBody()).toContainText('"nextCursor"');
  await openHeaders(v2);
  await expect(headerRow(v2, /^deprecation /)).toHaveCount(0);

  // The next page by the cursor v2's answer saved as {{nextCursor}}.
  const next = consoleTitled(page, "v2: the page after the cursor");
  await sendExpecting(next, /^200/);
  await expect(next.responseBody()).toContainText("Build a Todo API with CRUD");
  await expect(next.responseBody()).toContainText('"nextCursor": null');

  const forged = consoleTitled(page, "v2: a cursor made up by hand");
  await sendExpecting(forged, /^400/);
  await expect(forged.root.getByTestId("problem")).toContainText(
    "This cursor was not issued for this request",
  );
});

test("a learner asks /api/todos for a version by header and by media type", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("api-versioning");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  const byHeader = consoleTitled(page, "/api/todos with API-Version: 2");
  await sendExpecting(byHeader, /^200/);
  await expect(byHeader.responseBody()).toContainText('"text"');
  await openHeaders(byHeader);
  await expect(headerRow(byHeader, /^api-version 2$/)).toBeVisible();
  await expect(headerRow(byHeader, /^vary .*API-Version, Accept\b/)).toBeVisible();

  const v3 = consoleTitled(page, "Accept: application/vnd.bmj.todo.v3+json");
  await sendExpecting(v3, /^406/);
  await expect(v3.root.getByTestId("problem")).toContainText("No acceptable representation", FIRST);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("v1 and v2 are stacked, v1 first", async ({ lesson, page }) => {
    await lesson.open("api-versioning");
    const v1 = await consoleTitled(page, "v1: the first page of two").root.boundingBox();
    const v2 = await consoleTitled(page, "v2: the first page of two").root.boundingBox();
    if (!v1 || !v2) throw new Error("the consoles are not laid out");
    expect(v2.y).toBeGreaterThan(v1.y + v1.height - 1);
    expect(Math.abs(v1.x - v2.x)).toBeLessThan(2);
  });
});
