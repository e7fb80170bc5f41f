import type { Locator, Page } from "@playwright/test";
import { consoleTitled, expect, test } from "./fixtures";

/** The search dialog, as a learner meets it. */
function search(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Search lessons" });
  return {
    dialog,
    box: dialog.getByRole("combobox", { name: "Search lessons" }),
    results: dialog.getByRole("option"),
    status: dialog.getByTestId("search-status"),
    trigger: page.getByRole("banner").getByRole("button", { name: "Search" }),
  };
}

/** A heading the page scrolled to: on screen, below the sticky header rather than under it. */
async function expectScrolledTo(page: Page, heading: Locator) {
  await expect(heading).toBeInViewport();
  const header = await page.getByRole("banner").boundingBox();
  const top = (await heading.boundingBox())?.y ?? -1;
  expect(top).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
}

test.describe("search", () => {
  test("`/` opens it; a word in a section heading lists that section, and Enter goes to it", async ({
    page,
  }) => {
    const s = search(page);
    await page.goto("/");
    await expect(s.dialog).toBeHidden();
    await page.keyboard.press("/");
    await expect(s.dialog).toBeVisible();
    await expect(s.box).toBeFocused();
    await page.keyboard.type("preflight");
    await expect(s.results.first()).toContainText("Preflight");
    await expect(s.results.first()).toContainText("HTTP and REST › Cross-origin requests (CORS)");
    await expect(s.results.first()).toHaveAttribute("aria-selected", "true");
    await expect(s.status).toHaveText(/^\d+ results?/);

    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/learn\/http-and-rest#preflight$/);
    await expect(s.dialog).toBeHidden();
    await expectScrolledTo(page, page.getByRole("heading", { level: 3, name: "Preflight" }));
  });

  test("Ctrl+K opens it; a word only in a section's text lists that section, shown in context, and a click goes to it", async ({
    lesson,
    page,
  }) => {
    const s = search(page);
    await lesson.open("todo-api");
    await page.keyboard.press("Control+k");
    await expect(s.box).toBeFocused();
    await s.box.fill("encodeuricomp");
    const hit = s.results.filter({ hasText: "URLs, paths and query strings" });
    await expect(hit).toHaveCount(1);
    await expect(hit.locator("mark")).toHaveText(["encodeURIComponent"]);

    await hit.click();
    await expect(page).toHaveURL(/\/learn\/http-and-rest#urls-paths-and-query-strings$/);
    await expect(s.dialog).toBeHidden();
    await expectScrolledTo(
      page,
      page.getByRole("heading", { level: 2, name: "URLs, paths and query strings" }),
    );
  });

  test("works from the keyboard alone: arrows move, Enter opens, Escape closes and gives focus back", async ({
    page,
  }) => {
    const s = search(page);
    await page.goto("/");
    await s.trigger.focus();
    await page.keyboard.press("Meta+k");
    await expect(s.box).toBeFocused();
    await page.keyboard.type("304 not modified");
    // Both lessons have a section of that name; they come first.
    const [first, second] = [s.results.nth(0), s.results.nth(1)];
    await expect(first).toContainText("304 Not Modified");
    await expect(second).toContainText("304 Not Modified");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(s.box).toHaveAttribute(
      "aria-activedescendant",
      (await first.getAttribute("id")) ?? "",
    );

    await page.keyboard.press("ArrowDown");
    await expect(second).toHaveAttribute("aria-selected", "true");
    await expect(first).toHaveAttribute("aria-selected", "false");
    await expect(s.box).toHaveAttribute(
      "aria-activedescendant",
      (await second.getAttribute("id")) ?? "",
    );
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(s.results.last()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(second).toHaveAttribute("aria-selected", "true");
    const target = (await second.getAttribute("href")) ?? "";
    expect(target).toMatch(/^\/learn\/[a-z-]+#304-not-modified$/);

    await page.keyboard.press("Escape");
    await expect(s.dialog).toBeHidden();
    await expect(s.trigger).toBeFocused();

    // Opened again, it keeps the query, selected so typing replaces it.
    await page.keyboard.press("Enter");
    await expect(s.box).toBeFocused();
    await expect(s.box).toHaveValue("304 not modified");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expectScrolledTo(page, page.getByRole("heading", { level: 3, name: "304 Not Modified" }));
  });

  test("`/` typed into a console's body editor is text, not the shortcut", async ({
    lesson,
    page,
  }) => {
    test.setTimeout(90_000);
    const s = search(page);
    await lesson.open("todo-api");
    // A console with a body: far down the lesson, it is drawn once it is near the viewport.
    const panel = consoleTitled(page, "Create todo 4").root;
    await panel.scrollIntoViewIfNeeded();
    // Its code loads once it is near; a busy machine takes a while.
    await expect(panel).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
    const body = panel.getByLabel("Request body");
    await body.fill("");
    await body.click();
    await page.keyboard.type('{"path":"/a/b"}');
    await expect(body).toHaveValue('{"path":"/a/b"}');
    await expect(s.dialog).toBeHidden();
  });

  test("a planned lesson shows as coming later, without a link", async ({ page }) => {
    const s = search(page);
    await page.goto("/");
    await s.trigger.click();
    await s.box.fill("docker");
    const planned = s.dialog.getByRole("list", { name: "Coming later" }).getByRole("listitem");
    await expect(planned).toHaveText([/^Docker and containers\s*Month 5 · weeks 17-18$/]);
    await expect(planned.getByRole("link")).toHaveCount(0);
    await expect(s.status).toHaveText(/1 coming later/);

    await s.box.fill("qwertyuiop");
    await expect(s.status).toHaveText("Nothing matches “qwertyuiop”.");
    await expect(s.results).toHaveCount(0);
  });
});

test.describe("search on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the button opens it full width, with a Close button instead of keyboard hints", async ({
    page,
  }) => {
    const s = search(page);
    await page.goto("/learn/http-and-rest");
    await expect(s.trigger.locator("kbd")).toBeHidden();
    await s.trigger.tap();
    await expect(s.box).toBeFocused();
    await s.box.fill("status");
    await expect(s.results.first()).toBeVisible();
    const box = await s.dialog.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(box?.width).toBeGreaterThan(360);
    await expect(s.dialog.getByText("move")).toBeHidden();

    await s.dialog.getByRole("button", { name: "Close search" }).tap();
    await expect(s.dialog).toBeHidden();
  });
});
