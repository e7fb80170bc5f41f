import { test as base, expect, type Locator, type Page } from "@playwright/test";

/**
 * How long a page's first response may take: the console's code loads on first use and the
 * first Send creates the sandbox, which on a busy two-core machine takes more than the default 5 s.
 */
export const FIRST = { timeout: 20_000 };

/** One request console on a lesson page, driven the way a learner would. */
export class ConsolePanel {
  readonly root: Locator;
  constructor(root: Locator) {
    this.root = root;
  }

  /**
   * Brings the console near the viewport, as a learner scrolling to it does: a console far down
   * a lesson arrives as a placeholder, and its form is drawn only then.
   */
  async reach() {
    await this.root.scrollIntoViewIfNeeded();
    await expect(this.root.getByLabel("Method")).toBeVisible();
  }

  async request(method: string, path: string, body?: unknown) {
    await this.reach();
    await this.root.getByLabel("Method").selectOption(method);
    await this.root.getByLabel("Path").fill(path);
    if (body !== undefined) await this.root.getByLabel("Request body").fill(JSON.stringify(body));
  }

  async send() {
    await this.root.scrollIntoViewIfNeeded();
    await this.root.getByRole("button", { name: "Send", exact: true }).click();
  }

  status(): Locator {
    return this.root.getByTestId("response-status");
  }

  responseBody(): Locator {
    return this.root.getByTestId("response-body");
  }

  spans(): Locator {
    return this.root.getByTestId("timing-span");
  }
}

/** The console with this title on the page (its group is named "Request console: <title>"). */
export function consoleTitled(page: Page, title: string): ConsolePanel {
  return new ConsolePanel(page.getByRole("group", { name: `Request console: ${title}` }));
}

/**
 * Scrolls to a console, sends its request and waits for the status. FIRST's timeout, since a
 * lesson's first requests warm a fresh server's database and hash passwords.
 */
export async function sendExpecting(panel: ConsolePanel, status: RegExp, wait = FIRST) {
  await panel.root.scrollIntoViewIfNeeded();
  await panel.send();
  await expect(panel.status()).toHaveText(status, wait);
}

export class LessonPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(slug: string) {
    await this.page.goto(`/learn/${slug}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  console(index = 0): ConsolePanel {
    return new ConsolePanel(this.page.getByTestId("console").nth(index));
  }
}

export const test = base.extend<{ lesson: LessonPage }>({
  lesson: async ({ page }, use) => {
    await use(new LessonPage(page));
  },
});

export { expect };
