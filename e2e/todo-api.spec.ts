import { expect, test } from "./fixtures";

test("a learner creates a todo from the console, sees its spans, lists it; another sandbox cannot; reset empties it", async ({
  lesson,
  page,
  browser,
}) => {
  const title = `Learn HTTP ${Date.now()}`;

  await page.goto("/");
  await page.getByTestId("lesson-link-todo-api").click();
  await expect(page).toHaveURL(/\/learn\/todo-api$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Build a Todo API (CRUD)");

  const panel = lesson.console(0);
  await panel.request("POST", "/api/v1/todos", { title });
  await panel.send();
  await expect(panel.status()).toHaveText(/^201/);
  await expect(panel.responseBody()).toContainText(title);
  for (const step of ["validate", "sandbox", "db"]) {
    await expect(panel.spans().filter({ hasText: step }).first()).toBeVisible();
  }

  await panel.request("GET", "/api/v1/todos?limit=100");
  await panel.send();
  await expect(panel.status()).toHaveText(/^200/);
  await expect(panel.responseBody()).toContainText(title);

  // A second browser context is another learner with another sandbox.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const response = await otherPage.request.get("/api/v1/todos?limit=100");
  expect(response.status()).toBe(200);
  expect(await response.text()).not.toContain(title);
  await other.close();

  await page.goto("/sandbox");
  await page.getByRole("button", { name: "Reset sandbox" }).click();
  await page.getByRole("button", { name: "Yes, reset" }).click();
  await expect(page.getByText("Sandbox reset")).toBeVisible();

  await lesson.open("todo-api");
  await panel.request("GET", "/api/v1/todos?limit=100");
  await panel.send();
  await expect(panel.status()).toHaveText(/^200/);
  await expect(panel.responseBody()).not.toContainText(title);
});
