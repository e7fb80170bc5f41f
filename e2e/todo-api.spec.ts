import { expect, test } from "./fixtures";

test("a learner creates a todo from the console, sees its spans, lists it; another sandbox cannot; reset empties it", async ({
  lesson,
  page,
  browser,
}) => {
  // Two page loads, a second browser context and a reset: more than the default 30 s on a busy machine.
  test.slow();
  const title = `Learn HTTP ${Date.now()}`;

  await page.goto("/");
  // The learner's sandbox, created as curl creates one (POST /api/sandbox); the cookie lands in
  // this browser context. (A console's own first-visit creation is the console's to test.)
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  await page.getByTestId("lesson-link-todo-api").click();
  await expect(page).toHaveURL(/\/learn\/todo-api$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Build a Todo API (CRUD)");

  const panel = lesson.console(0);
  await panel.request("POST", "/api/v1/todos", { title });
  await panel.send();
  // The first request of a fresh server warms its database: allow it more than the default 5 s.
  await expect(panel.status()).toHaveText(/^201/, { timeout: 20_000 });
  await expect(panel.responseBody()).toContainText(title);
  for (const step of ["sandbox", "ratelimit", "validate", "db"]) {
    await expect(panel.spans().filter({ hasText: step }).first()).toBeVisible();
  }

  await panel.request("GET", "/api/v1/todos?limit=100");
  await panel.send();
  await expect(panel.status()).toHaveText(/^200/);
  await expect(panel.responseBody()).toContainText(title);

  // A second browser context is another learner with another sandbox.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.request.post("/api/sandbox");
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

test("the browser revalidates a todo by itself: its second GET sends If-None-Match and gets 304", async ({
  page,
}) => {
  await page.goto("/learn/todo-api");
  // The learner's sandbox, created as curl creates one; the cookie lands in this browser context.
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);

  // Plain fetches, with the browser's HTTP cache in its default mode.
  const seen = await page.evaluate(async () => {
    const first = await fetch("/api/v1/todos/1");
    const second = await fetch("/api/v1/todos/1");
    return {
      statuses: [first.status, second.status],
      bodies: [await first.text(), await second.text()],
      cacheControl: first.headers.get("cache-control"),
    };
  });
  // The page sees the stored 200 twice: the 304 is between the browser and the server.
  expect(seen.statuses).toEqual([200, 200]);
  expect(seen.bodies[1]).toBe(seen.bodies[0]);
  expect(seen.cacheControl).toBe("private, no-cache");

  const log = (await (await page.request.get("/api/sandbox/log")).json()) as {
    data: Array<{ path: string; status: number; requestHeaders: string[] }>;
  };
  // (The log is written after each response is sent, so its order is not the requests'.)
  const reads = log.data.filter((entry) => entry.path === "/api/v1/todos/1");
  expect(reads.map((entry) => entry.status).sort()).toEqual([200, 304]);
  const revalidation = reads.find((entry) => entry.status === 304);
  expect(revalidation?.requestHeaders).toEqual(
    expect.arrayContaining(["if-none-match", "if-modified-since"]),
  );
});
