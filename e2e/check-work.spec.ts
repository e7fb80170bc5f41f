import { expect, test } from "./fixtures";

test("Check my work shows what is missing, then marks the lesson done once the work is done", async ({
  lesson,
  page,
}) => {
  await lesson.open("http-and-rest");
  const panel = page.getByTestId("check-work");
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole("button", { name: "Check my work" }).click();
  await expect(panel.getByRole("alert")).toContainText("no sandbox yet");

  // The page's own cookie jar: what the consoles would use.
  const created = await page.request.post("/api/sandbox");
  expect(created.status()).toBe(201);
  await panel.getByRole("button", { name: "Check my work" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(/^0 of \d+ checks passed\.$/);
  await expect(panel.getByText("Try:").first()).toBeVisible();

  await page.request.post("/api/v1/http/echo", { data: { hello: "world" } });
  await page.request.get("/api/v1/http/echo", { headers: { accept: "image/png" } });
  const first = await page.request.get("/api/v1/todos/1");
  await page.request.get("/api/v1/todos/1", {
    headers: { "if-none-match": first.headers().etag ?? "" },
  });
  await page.request.get("/api/v1/http/status/404");
  await page.request.get("/api/v1/http/delay/10");

  await panel.getByRole("button", { name: "Check again" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(
    /^All \d+ checks passed\. This lesson is done\.$/,
  );
  await expect(panel.getByText("✓ Lesson done")).toBeVisible();
  await expect(panel.getByText("Try:")).toHaveCount(0);

  // The roadmap shows it done too.
  await page.goto("/");
  await expect(page.getByTestId("lesson-done-http-and-rest")).toBeVisible();
  await expect(page.getByTestId("lesson-done-todo-api")).toHaveCount(0);
});
