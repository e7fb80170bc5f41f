import type { Locator } from "@playwright/test";
import { type ConsolePanel, consoleTitled, expect, FIRST, test } from "./fixtures";

// The console lets the learner make mistakes and see what the server makes of them, keeps the
// address and the Params tab saying the same thing, and offers only what a request can carry.

/** The Params tab's rows as [name, value] pairs. */
async function params(panel: ConsolePanel): Promise<[string, string][]> {
  const names = panel.root.getByLabel(/^Query parameter \d+ name$/);
  const values = panel.root.getByLabel(/^Query parameter \d+ value$/);
  const rows: [string, string][] = [];
  for (let i = 0; i < (await names.count()); i++) {
    rows.push([await names.nth(i).inputValue(), await values.nth(i).inputValue()]);
  }
  return rows;
}

// A lesson page is heavy for a busy machine: room for a slow one (never a timed assertion).
test.describe.configure({ timeout: 90_000 });

test.describe("a console that lets you make mistakes", () => {
  test("malformed JSON is sent as typed: the server's 400 replaces the last 200, with a warning and no lesson hint", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const create = consoleTitled(page, "Create todo 4");
    await create.root.scrollIntoViewIfNeeded();
    await create.send();
    await expect(create.status()).toHaveText(/^201/, FIRST);

    const body = create.root.getByLabel("Request body");
    await body.fill('{"title": "Buy milk",');
    const warning = create.root.getByTestId("body-warning");
    await expect(warning).toContainText("Not valid JSON. Send sends it as it is");
    await expect(body).toHaveAttribute("aria-invalid", "true");
    await create.send();
    await expect(create.status()).toHaveText(/^400/);
    await expect(create.root.getByTestId("problem")).toContainText("The request could not be read");
    await expect(create.responseBody()).toContainText('"status": 400');
    await expect(warning).toBeVisible();
    // The learner's own request, not the lesson's: nothing to compare.
    await expect(create.root.getByTestId("sandbox-hint")).toHaveCount(0);
  });

  test("repeated query keys round-trip between the address and the Params tab, and are sent as shown", async ({
    lesson,
  }) => {
    await lesson.open("http-and-rest");
    const echo = lesson.console(0);
    const address = echo.root.getByLabel("Path");
    await address.fill("/api/v1/http/echo?tag=a&tag=b");
    await expect(echo.root).toHaveAttribute("data-state", "ready");
    await echo.root.getByRole("tab", { name: /Params/ }).click();
    await expect(echo.root.getByRole("tab", { name: /Params/ })).toContainText("2");
    expect(await params(echo)).toEqual([
      ["tag", "a"],
      ["tag", "b"],
    ]);

    // Edit the rows: the address follows, in order, repeated key and all.
    await echo.root.getByLabel("Query parameter 2 value").fill("c d");
    await expect(address).toHaveValue("/api/v1/http/echo?tag=a&tag=c%20d");
    await echo.root.getByRole("button", { name: "Add query parameter" }).click();
    await echo.root.getByLabel("Query parameter 3 name").fill("q");
    await echo.root.getByLabel("Query parameter 3 value").fill("milk & eggs");
    await expect(address).toHaveValue("/api/v1/http/echo?tag=a&tag=c%20d&q=milk%20%26%20eggs");
    await echo.root.getByRole("button", { name: "Remove query parameter 1" }).click();
    await expect(address).toHaveValue("/api/v1/http/echo?tag=c%20d&q=milk%20%26%20eggs");

    // And back: edit the address, the rows follow.
    await address.fill("/api/v1/http/echo?tag=x&tag=y&tag=z");
    expect(await params(echo)).toEqual([
      ["tag", "x"],
      ["tag", "y"],
      ["tag", "z"],
    ]);

    await echo.send();
    await expect(echo.status()).toHaveText(/^200/, FIRST);
    await expect(echo.responseBody()).toContainText('"tag": [');
    const echoed = JSON.parse((await echo.responseBody().textContent()) ?? "{}") as {
      query: unknown;
    };
    expect(echoed.query).toEqual({ tag: ["x", "y", "z"] });
    await expect(address).toHaveValue("/api/v1/http/echo?tag=x&tag=y&tag=z");
  });

  test("a lesson's query shows in the address before and after the console loads", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const page1 = consoleTitled(page, "Two per page: page 1");
    await expect(page1.root.getByLabel("Path")).toHaveValue("/api/v1/todos?limit=2");
    await page1.root.scrollIntoViewIfNeeded();
    await expect(page1.root).toHaveAttribute("data-state", "ready");
    await expect(page1.root.getByLabel("Path")).toHaveValue("/api/v1/todos?limit=2");
    expect(await params(page1)).toEqual([["limit", "2"]]);
  });

  test("a DELETE console offers no body, and neither does a POST switched to DELETE", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const remove = consoleTitled(page, "Delete todo 4 (it is done)");
    const noBody = async (root: Locator) => {
      await expect(root.getByRole("tab", { name: "Body" })).toHaveAttribute(
        "aria-disabled",
        "true",
      );
      await expect(root.getByLabel("Request body")).toHaveCount(0);
    };
    // Far down the lesson, its shell arrives deferred (tests/console-deferred.test.ts checks
    // that shell has no body either); here, the console once it is reached.
    await remove.root.scrollIntoViewIfNeeded();
    await expect(remove.root).toHaveAttribute("data-state", "ready");
    await noBody(remove.root);
    await expect(remove.root.getByRole("tab", { name: /Params/ })).toHaveAttribute(
      "aria-selected",
      "true",
    );

    const create = consoleTitled(page, "Create todo 4");
    await create.root.scrollIntoViewIfNeeded();
    await expect(create.root.getByLabel("Request body")).toBeVisible();
    await create.root.getByLabel("Method").selectOption("DELETE");
    await noBody(create.root);
  });
});

test.describe("keyboard hints on a desktop", () => {
  test("Send shows its shortcut, in the shell and in the console", async ({ lesson }) => {
    await lesson.open("http-and-rest");
    const panel = lesson.console(0);
    await expect(panel.root.getByTestId("send-shortcut").first()).toBeVisible();
    await panel.root.scrollIntoViewIfNeeded();
    await expect(panel.root).toHaveAttribute("data-state", "ready");
    await expect(panel.root.getByTestId("send-shortcut")).toHaveCount(2);
    for (const hint of await panel.root.getByTestId("send-shortcut").all())
      await expect(hint).toBeVisible();
  });
});

test.describe("keyboard hints on a touch screen", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test("are not shown: no Ctrl/⌘ ↵ on Send or in the prompt", async ({ lesson, page }) => {
    expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
    await lesson.open("http-and-rest");
    const panel = lesson.console(0);
    await expect(panel.root.getByRole("button", { name: "Send", exact: true })).toBeVisible();
    for (const hint of await panel.root.getByTestId("send-shortcut").all())
      await expect(hint).toBeHidden();
    await panel.root.scrollIntoViewIfNeeded();
    await expect(panel.root).toHaveAttribute("data-state", "ready");
    await expect(panel.root.getByTestId("send-shortcut")).toHaveCount(2);
    for (const hint of await panel.root.getByTestId("send-shortcut").all())
      await expect(hint).toBeHidden();
    await expect(panel.root).toContainText("Press Send to call the live API", {
      useInnerText: true,
    });
    await expect(panel.root).not.toContainText("↵", { useInnerText: true });
  });
});
