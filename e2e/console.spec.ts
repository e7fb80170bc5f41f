import type { Page } from "@playwright/test";
import { ConsolePanel, consoleTitled, expect, test } from "./fixtures";

/** Keeps every console a shell until it is used: no IntersectionObserver ever reports it. */
async function neverNearViewport(page: Page) {
  await page.addInitScript(() => {
    window.IntersectionObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    } as unknown as typeof IntersectionObserver;
  });
}

const consoles = (page: Page) => page.getByTestId("console");

test.describe("request console", () => {
  test("a console far down the page arrives as a one-line placeholder of its size, then is drawn and loaded in place when scrolled near", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const last = consoles(page).last();
    await expect(last).toHaveAttribute("data-state", "shell");
    // Its heading is on the page; its form is not drawn yet: a line says which request it holds.
    await expect(last.getByRole("heading")).toBeVisible();
    await expect(last.getByText(/^DELETE \/api\/v1\/todos\/\S+$/)).toBeVisible();
    await expect(last.getByLabel("Method")).toHaveCount(0);
    const placeholderHeight = (await last.boundingBox())?.height;

    await last.scrollIntoViewIfNeeded();
    await expect(last).toHaveAttribute("data-state", "ready");
    await expect(last.getByLabel("Method")).toHaveValue("DELETE");
    expect((await last.boundingBox())?.height).toBeCloseTo(placeholderHeight ?? 0, 0);
    // A console halfway down, screens away from the last (and from the first, which "Try it
    // now" puts on the first screen), was never drawn or loaded.
    const middle = consoles(page).nth(Math.floor((await consoles(page).count()) / 2));
    await expect(middle).toHaveAttribute("data-state", "shell");
    await expect(middle.getByLabel("Method")).toHaveCount(0);
  });

  test("the first consoles of a lesson arrive drawn whole, and a shell keeps its size when the console loads", async ({
    lesson,
    page,
  }) => {
    await neverNearViewport(page);
    await lesson.open("todo-api");
    const second = consoles(page).nth(1);
    await expect(second).toHaveAttribute("data-state", "shell");
    await expect(second.getByLabel("Method")).toBeVisible();
    await expect(second.getByRole("button", { name: "Send", exact: true })).toHaveCount(1);
    const shellHeight = (await second.boundingBox())?.height;
    await second.getByLabel("Path").focus();
    await expect(second).toHaveAttribute("data-state", "ready");
    expect((await second.boundingBox())?.height).toBeCloseTo(shellHeight ?? 0, 0);
  });

  test("a placeholder pressed before it was ever near the viewport loads its console", async ({
    lesson,
    page,
  }) => {
    await neverNearViewport(page);
    await lesson.open("todo-api");
    const last = consoles(page).last();
    await last.getByText(/^DELETE /).click();
    await expect(last).toHaveAttribute("data-state", "ready");
    await expect(last.getByLabel("Method")).toHaveValue("DELETE");
  });

  test("a console used before its code loaded keeps what was typed and sends on the first click", async ({
    lesson,
    page,
  }) => {
    await neverNearViewport(page);
    await lesson.open("http-and-rest");
    const panel = lesson.console(0);
    await expect(panel.root).toHaveAttribute("data-state", "shell");
    await panel.root.getByLabel("Path").fill("/api/v1/http/status/418");
    await panel.send();
    await expect(panel.status()).toHaveText(/^418/);
    await expect(panel.root).toHaveAttribute("data-state", "ready");
    await expect(panel.root.getByLabel("Path")).toHaveValue("/api/v1/http/status/418");
  });

  test("a lesson reached by a link in the site, with no page load, still shows every console's shell", async ({
    page,
  }) => {
    await neverNearViewport(page);
    await page.goto("/");
    // Set on this document: still there after the click only if the lesson came without a load.
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await page.locator('a[href="/learn/todo-api"]').first().click();
    await expect(page).toHaveURL(/\/learn\/todo-api$/);
    const last = consoles(page).last();
    await expect(last).toHaveAttribute("data-state", "shell");
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    // Drawn on the client this time, since there was no server HTML to keep.
    await expect(last.getByLabel("Method")).toHaveValue("DELETE");
    await expect(last.getByLabel("Path")).toHaveValue(/^\/api\/v1\/todos\/\d+/);
    await expect(last.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  });

  test("Cancel stops a running request and the result says Cancelled", async ({ lesson }) => {
    await lesson.open("http-and-rest");
    const panel = lesson.console(0);
    await panel.request("GET", "/api/v1/http/delay/5000");
    await panel.send();
    const cancel = panel.root.getByRole("button", { name: "Cancel" });
    await cancel.click();
    await expect(panel.status()).toHaveText("Cancelled");
    await expect(cancel).toBeHidden();

    await panel.request("GET", "/api/v1/http/status/204");
    await panel.send();
    await expect(panel.status()).toHaveText(/^204/);
  });

  test("Send pressed while a request runs shows the console is busy instead of doing nothing", async ({
    lesson,
  }) => {
    await lesson.open("http-and-rest");
    const panel = lesson.console(0);
    const send = panel.root.getByRole("button", { name: "Send", exact: true });
    await panel.request("GET", "/api/v1/http/delay/5000");
    await panel.send();
    await expect(send).toHaveAttribute("aria-busy", "true");
    await panel.send();
    await expect(panel.root.getByTestId("busy-notice")).toContainText("Still waiting");
    await expect(panel.status()).toHaveText(/^200/, { timeout: 15_000 });
    await expect(send).not.toHaveAttribute("aria-busy", "true");
    await expect(panel.root.getByTestId("busy-notice")).toBeHidden();
    // One request ran, not two.
    await panel.root.locator("summary", { hasText: "History" }).click();
    await expect(panel.root.getByTestId("history-item")).toHaveCount(1);
  });

  test("adding a query parameter or a header moves focus to its name", async ({ lesson, page }) => {
    await lesson.open("http-and-rest");
    const panel = lesson.console(0);
    await panel.root.getByRole("tab", { name: /Params/ }).click();
    await panel.root.getByRole("button", { name: "Add query parameter" }).click();
    await expect(
      panel.root.getByRole("textbox", { name: /^Query parameter \d+ name$/ }).last(),
    ).toBeFocused();
    await page.keyboard.type("page");
    await expect(
      panel.root.getByRole("textbox", { name: /^Query parameter \d+ name$/ }).last(),
    ).toHaveValue("page");

    await panel.root.getByRole("tab", { name: /Headers/ }).click();
    await panel.root.getByRole("button", { name: "Add header" }).click();
    await expect(
      panel.root.getByRole("textbox", { name: /^Header \d+ name$/ }).last(),
    ).toBeFocused();
  });

  test("a sandbox key typed into the headers is never stored in the request history", async ({
    lesson,
    page,
  }) => {
    await lesson.open("http-and-rest");
    const panel = lesson.console(0);
    await panel.request("GET", "/api/v1/http/status/200");
    await panel.send(); // Makes sure this browser has a sandbox.
    await expect(panel.status()).toHaveText(/^200/);
    const key: string = (await (await page.request.get("/api/sandbox")).json()).key;
    expect(key).toMatch(/^sbx_/);

    await panel.root.getByRole("tab", { name: /Headers/ }).click();
    await panel.root.getByRole("button", { name: "Add header" }).click();
    await page.keyboard.type("x-SANDBOX-key");
    await panel.root
      .getByRole("textbox", { name: /^Header \d+ value$/ })
      .last()
      .fill(key);
    await panel.request("GET", "/api/v1/http/status/201");
    await panel.send();
    await expect(panel.status()).toHaveText(/^201/);

    const stored = await page.evaluate(() => localStorage.getItem("bmj.console.history"));
    expect(stored).toContain("/api/v1/http/status/201");
    expect(stored).toContain("x-SANDBOX-key");
    expect(stored).not.toContain(key);
  });

  test("malformed JSON is sent with a visible warning and the server's 400 problem shows", async ({
    lesson,
  }) => {
    await lesson.open("todo-api");
    const panel = lesson.console(0);
    await panel.request("POST", "/api/v1/todos");
    await panel.root.getByLabel("Request body").fill('{"title": "Buy milk",');
    await expect(panel.root.getByTestId("body-warning")).toContainText("Not valid JSON");
    await panel.send();
    await expect(panel.status()).toHaveText(/^400/);
    await expect(panel.root.getByTestId("problem")).toContainText("The request could not be read");
    await expect(panel.root.getByTestId("body-warning")).toBeVisible();
  });

  test("each console is a named group with its own heading, and adds no landmark", async ({
    lesson,
    page,
  }) => {
    await lesson.open("http-and-rest");
    const count = await consoles(page).count();
    await expect(page.getByRole("group", { name: /^Request console: / })).toHaveCount(count);
    await expect(page.getByRole("region", { name: "Response" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: /Request console/ })).toHaveCount(0);
    // The first console sits under an h2, so its heading is an h3, before and after loading.
    const first = new ConsolePanel(consoles(page).first());
    await expect(first.root.getByRole("heading", { level: 3 })).toHaveCount(1);
    await first.root.scrollIntoViewIfNeeded();
    await expect(first.root).toHaveAttribute("data-state", "ready");
    await expect(first.root.getByRole("heading", { level: 3 })).toHaveCount(1);
  });

  test("a console that needs an earlier response's ETag says so, then fills it in once that one is sent", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const revalidate = consoleTitled(page, "Client A asks: has todo 2 changed since my ETag?");
    await revalidate.root.scrollIntoViewIfNeeded();
    await revalidate.send();
    await expect(revalidate.root.getByRole("alert")).toContainText(
      "{{todo2Etag}}, which is not set yet: send “Client A reads todo 2” first",
    );
    const read = consoleTitled(page, "Client A reads todo 2");
    await read.root.scrollIntoViewIfNeeded();
    await read.send();
    await expect(read.status()).toHaveText(/^200/, { timeout: 20_000 });
    await revalidate.root.scrollIntoViewIfNeeded();
    await revalidate.send();
    await expect(revalidate.status()).toHaveText(/^304/, { timeout: 20_000 });
  });
});
