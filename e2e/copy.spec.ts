import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const run = promisify(execFile);

/** Pastes text into a shell, as a learner would into a terminal: what it printed. */
async function paste(text: string): Promise<string> {
  const { stdout } = await run("sh", ["-c", text], { timeout: 30_000 });
  return stdout;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** The lesson's code block (not a console) that shows this text. */
const codeBlock = (page: Page, text: string): Locator =>
  page.locator("article figure[data-rehype-pretty-code-figure]").filter({ hasText: text });

test("the lesson's curl setup shows this site's address, reveals the key, and runs as pasted", async ({
  lesson,
  page,
  baseURL,
}) => {
  await lesson.open("http-and-rest");
  const setup = page.getByTestId("curl-setup");
  await expect(setup).toContainText(`export BMJ="${baseURL}"`);
  await expect(setup).toContainText("You have no sandbox yet");
  await expect(setup.getByTestId("curl-setup-key")).toHaveText("sbx_…");

  await setup.getByRole("button", { name: "Reveal key" }).click();
  await expect(setup.getByTestId("curl-setup-key")).toHaveText(/^sbx_[\w-]{43}$/);
  const key = await setup.getByTestId("curl-setup-key").textContent();

  await setup.getByRole("button", { name: "Copy commands" }).click();
  await expect(setup.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(setup.getByRole("status")).toHaveText("Copied the commands to the clipboard");
  const copied = await clipboard(page);
  expect(copied).toBe(
    [
      `export BMJ="${baseURL}"`,
      `export KEY="${key}"`,
      'curl -i "$BMJ/api/v1/http/echo" -H "X-Sandbox-Key: $KEY"',
    ].join("\n"),
  );
  expect(await paste(copied)).toMatch(/^HTTP\/1\.1 200 OK\r?$/m);

  // It went to the learner's own sandbox: the one the page and its consoles use.
  await page.goto("/sandbox");
  await expect(
    page.getByTestId("request-log-row").filter({ hasText: "/api/v1/http/echo" }),
  ).toContainText("200");
});

test("with the key still hidden, Copy copies it, and a lesson's later curl commands run as pasted", async ({
  lesson,
  page,
}) => {
  const created = await page.request.post("/api/sandbox");
  expect(created.status()).toBe(201);
  const { key } = await created.json();
  await lesson.open("todo-api");
  const setup = page.getByTestId("curl-setup");
  await expect(setup.getByTestId("curl-setup-key")).toHaveText(
    `${key.slice(0, 8)}${"•".repeat(16)}`,
  );

  await setup.getByRole("button", { name: "Copy commands" }).click();
  await expect(setup.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(setup.getByTestId("curl-setup-key")).not.toContainText(key);
  expect(await clipboard(page)).toContain(`export KEY="${key}"`);
  expect(await paste(await clipboard(page))).toMatch(/^HTTP\/1\.1 200 OK\r?$/m);

  // A block further down uses $BMJ and $KEY: copied with both filled in, it runs on its own.
  const create = codeBlock(page, "Write my own Todo API");
  await create.getByRole("button", { name: "Copy commands" }).click();
  await expect(create.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await clipboard(page);
  expect(copied).not.toContain("$");
  expect(await paste(copied)).toMatch(/^HTTP\/1\.1 201 Created\r?$/m);
});

test("comments are left out of copied commands, so zsh runs them too", async ({ lesson, page }) => {
  await lesson.open("http-and-rest");
  const redirect = codeBlock(page, "the 303 and its Location");
  await redirect.getByRole("button", { name: "Copy commands" }).click();
  await expect(redirect.getByRole("button", { name: "Copied" })).toBeVisible();
  const copied = await clipboard(page);
  expect(copied).not.toContain("#");
  const printed = await paste(copied);
  expect(printed).toMatch(/^HTTP\/1\.1 303 See Other\r?$/m);
  expect(printed).toMatch(/^HTTP\/1\.1 200 OK\r?$/m);
});

test("every code block in a lesson has a Copy button a keyboard reaches, with feedback", async ({
  lesson,
  page,
}) => {
  await lesson.open("http-and-rest");
  const blocks = page.locator("article figure[data-rehype-pretty-code-figure] pre");
  const buttons = page
    .locator("article figure[data-rehype-pretty-code-figure]")
    .getByRole("button", { name: /^Copy (code|commands)$/ });
  expect(await blocks.count()).toBeGreaterThan(5);
  await expect(buttons).toHaveCount(await blocks.count());

  // The Server-Timing example: Tab from the block (it scrolls, so it takes focus) to its button.
  const block = codeBlock(page, "Server-Timing: sandbox;dur=");
  await block.locator("pre").focus();
  await page.keyboard.press("Tab");
  const copy = block.getByRole("button", { name: "Copy code" });
  await expect(copy).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(block.getByRole("button", { name: "Copied" })).toBeVisible();
  await expect(block.getByRole("status")).toHaveText("Copied the code to the clipboard");
  expect(await clipboard(page)).toBe(await block.locator("pre").textContent());
  // The feedback goes away again, ready for the next copy.
  await expect(copy).toBeVisible();
});

test("a block of our source code shows that source, highlighted, and copies it as it is", async ({
  lesson,
  page,
}) => {
  const { readFile } = await import("node:fs/promises");
  const source = await readFile("lib/todo-api/contract.ts", "utf8");
  const region = /\/\/ #region bodies\n([\s\S]*?)\n\s*\/\/ #endregion/.exec(source)?.[1];
  if (!region) throw new Error("lib/todo-api/contract.ts has no region bodies");
  await lesson.open("todo-api");
  const block = page
    .locator("article figure[data-rehype-pretty-code-figure]")
    .filter({ has: page.getByText("lib/todo-api/contract.ts", { exact: true }) });
  const code = block.locator("pre code");
  await code.scrollIntoViewIfNeeded();
  await expect(code).toContainText("export const titleRules = (text: z.ZodString) =>");
  // Highlighted: the keyword is a token of its own with its theme colours.
  await expect(code.locator("span[data-line] span").first()).toHaveText("export");
  await block.getByRole("button", { name: "Copy code" }).click();
  expect((await clipboard(page)).trim()).toBe(region.trim());
});
