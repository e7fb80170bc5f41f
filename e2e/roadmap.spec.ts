import { expect, test } from "./fixtures";

test("the roadmap shows all six months, written lessons as links and the rest as upcoming", async ({
  page,
}) => {
  await page.goto("/");
  for (const month of [1, 2, 3, 4, 5, 6]) {
    await expect(page.getByTestId(`month-${month}`)).toBeVisible();
  }
  await expect(page.getByTestId("lesson-link-http-and-rest")).toHaveAttribute(
    "href",
    "/learn/http-and-rest",
  );
  await expect(page.locator('[data-testid^="lesson-upcoming-"]').first()).toBeVisible();
});

test("the theme toggle switches between light and dark", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/learn/todo-api");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark/);
  // system → light → dark
  await page.getByTestId("theme-toggle").click();
  await page.getByTestId("theme-toggle").click();
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
});

test("an unknown lesson answers 404 with a way back to the roadmap", async ({ page }) => {
  const res = await page.goto("/learn/no-such-lesson");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing lives at this URL" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the roadmap" }).click();
  await expect(page.getByTestId("month-1")).toBeVisible();
});
