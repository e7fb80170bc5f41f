import { test as base, expect, type Locator, type Page } from "@playwright/test";

/** One request console on a lesson page, driven the way a learner would. */
export class ConsolePanel {
  readonly root: Locator;
  constructor(root: Locator) {
    this.root = root;
  }

  async request(method: string, path: string, body?: unknown) {
    await this.root.getByLabel("Method").selectOption(method);
    await this.root.getByLabel("Path").fill(path);
    if (body !== undefined) await this.root.getByLabel("Request body").fill(JSON.stringify(body));
  }

  async send() {
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
