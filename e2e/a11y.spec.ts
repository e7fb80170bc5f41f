import AxeBuilder from "@axe-core/playwright";
import type { APIResponse, Locator, Page } from "@playwright/test";
import { lessonSlugs } from "@/content/lessons";
import { expect, test } from "./fixtures";

// Every page, in both themes, has no axe violations: WCAG 2.0/2.1 A and AA plus axe's best
// practices. Nothing is excluded: a violation inside a request console fails like any other.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

type Scheme = "light" | "dark";

// axe takes seconds on the roadmap and tens of seconds on a lesson page (more on a busy machine):
// todo-api, with its 33 consoles loaded, took 2.1 and 2.4 minutes on a slower machine of CI's kind.
test.describe.configure({ timeout: 300_000 });

/** One line per failing element: rule, impact, where, and axe's own reason (with the colours). */
async function violationsOn(page: Page, label: string, only?: string): Promise<string[]> {
  // Only violations are listed in full: building selectors for every passing node is most of
  // the time axe takes on a lesson page.
  const axe = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ["violations"] });
  if (only) axe.include(only);
  const { violations } = await axe.analyze();
  return violations.flatMap((v) =>
    v.nodes.map((node) => {
      const reason = [...node.any, ...node.all, ...node.none]
        .map((check) => check.message)
        .join("; ");
      return `${label}: ${v.id} (${v.impact}) at ${node.target.join(" ")}\n    ${reason}\n    ${node.html.slice(0, 160)}`;
    }),
  );
}

function report(failures: string[]): string {
  return `${failures.length} axe violation(s):\n  ${failures.join("\n  ")}`;
}

/** The scheme is the system's (emulated), and next-themes has put the class on <html> to match. */
async function openIn(page: Page, path: string, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  const res = await page.goto(path);
  await expectScheme(page, scheme);
  return res;
}

/** The theme's class on <html> matches the scheme. */
async function expectScheme(page: Page, scheme: Scheme) {
  const html = page.locator("html");
  if (scheme === "dark") await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  else await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);
}

/**
 * Brings lazily rendered parts (consoles below the fold) in: scroll down a screen at a time,
 * then each console into view until its Send (or Run) button is there, and wait for the lesson's
 * progress to load (the done button is disabled, so skipped by axe, until then).
 */
async function revealAll(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()?.height ?? 720;
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
  }
  const consoles = page.getByTestId("console");
  for (let i = 0; i < (await consoles.count()); i++) {
    const panel = consoles.nth(i);
    await panel.scrollIntoViewIfNeeded();
    // A lazy console draws a shell first (data-state="shell", then "loading", then "ready").
    await expect(panel).not.toHaveAttribute("data-state", /^(shell|loading)$/);
    // A request console sends; a SQL console runs.
    await expect(panel.getByRole("button", { name: /^(Send|Run)$/ })).toBeVisible();
  }
  const markDone = page.getByTestId("mark-done");
  if (await markDone.count()) await expect(markDone).toBeEnabled();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Scans only the elements marked with `data-a11y-scan`. */
async function markedViolations(page: Page, label: string, marked: Locator[]): Promise<string[]> {
  for (const el of marked) await el.evaluate((node) => node.setAttribute("data-a11y-scan", ""));
  const found = await violationsOn(page, label, "[data-a11y-scan]");
  for (const el of marked) await el.evaluate((node) => node.removeAttribute("data-a11y-scan"));
  return found;
}

/** The site's own pages a page links to (no API answers, no anchors), each once. */
async function pagesLinkedFrom(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const hrefs = await page
    .locator('a[href^="/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const paths = hrefs.map((href) => href.split(/[?#]/)[0] || "/");
  return [...new Set(paths.filter((p) => !p.startsWith("/api/")))].sort();
}

/** The lessons the roadmap links to (written ones), so the list follows the registry. */
async function lessonPaths(page: Page): Promise<string[]> {
  const paths = (await pagesLinkedFrom(page, "/")).filter((p) => p.startsWith("/learn/"));
  expect(paths.length, "the roadmap links to at least one lesson").toBeGreaterThan(0);
  return paths;
}

/**
 * Creates this browser context's sandbox: POST where the server creates on POST, GET where a
 * GET still does (the route is changing from one to the other).
 */
async function createSandbox(page: Page, baseURL: string) {
  let res: APIResponse = await page.request.post("/api/sandbox", {
    headers: { origin: baseURL },
  });
  if (res.status() === 405) res = await page.request.get("/api/sandbox");
  expect(res.ok(), `creating a sandbox answered ${res.status()}`).toBe(true);
  const { key } = (await res.json()) as { key: string };
  // One request in the log, so the log table is scanned with a row in it.
  const logged = await page.request.get("/api/v1/http/status/418", {
    headers: { "X-Sandbox-Key": key },
  });
  expect(logged.status()).toBe(418);
}

/** Switches the emulated system scheme on the open page; the page follows it (theme "system"). */
async function switchTo(page: Page, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await expectScheme(page, scheme);
}

/**
 * Scans the open page in both themes on one load, the one it shows first: each label is
 * prefixed with its scheme. `only` limits the scan as `violationsOn` does.
 */
async function violationsInBothSchemes(page: Page, label: string, only?: string) {
  const dark = await page.locator("html").evaluate((html) => html.classList.contains("dark"));
  const failures: string[] = [];
  for (const scheme of dark ? (["dark", "light"] as const) : (["light", "dark"] as const)) {
    await switchTo(page, scheme);
    failures.push(...(await violationsOn(page, `[${scheme}] ${label}`, only)));
  }
  return failures;
}

// One test per lesson, so the two workers share them (a lesson takes tens of seconds). Both
// themes are scanned on one page load: loading every console of a long lesson is most of a
// lesson's time, and doing it once per theme made this spec a third of the suite.
test.describe("lessons, light and dark", () => {
  test.describe.configure({ timeout: 420_000 });
  for (const slug of lessonSlugs) {
    const path = `/learn/${slug}`;
    test(`${path} has no axe violations (light and dark)`, async ({ page }) => {
      const res = await openIn(page, path, "light");
      expect(res?.status(), `${path} answers 200`).toBe(200);
      const failures: string[] = [];
      // As the page first paints: a console drawn whole but not loaded yet, and one far below
      // the fold, sent as a placeholder. Marked in one step, since either may load meanwhile.
      const marked = await page.evaluate(() => {
        const shells = [
          ...document.querySelectorAll('[data-testid="console"][data-state="shell"]'),
        ];
        const picked = [shells[0], shells.at(-1)].filter((el) => el !== undefined);
        for (const el of picked) el.setAttribute("data-a11y-scan", "");
        return picked.length;
      });
      if (marked > 0) {
        failures.push(
          ...(await violationsInBothSchemes(page, `${path} (shell)`, "[data-a11y-scan]")),
        );
        await page.evaluate(() => {
          for (const el of document.querySelectorAll("[data-a11y-scan]"))
            el.removeAttribute("data-a11y-scan");
        });
      }
      await revealAll(page);
      failures.push(...(await violationsInBothSchemes(page, path)));
      expect(failures, report(failures)).toEqual([]);
    });
  }
});

// One test, both themes on one load of each page (as for the lessons): collecting the links
// opens every lesson, so doing it once per theme doubled the time for the same pages.
test("every other page the roadmap and the lessons link to has no axe violations (light and dark)", async ({
  page,
}) => {
  // Collecting the links opens every lesson first.
  test.setTimeout(180_000);
  const linked = new Set<string>();
  for (const from of ["/", ...(await lessonPaths(page))]) {
    for (const path of await pagesLinkedFrom(page, from)) linked.add(path);
  }
  // The roadmap, the lessons, the sandbox and the account pages have tests of their own. Among
  // the rest is /reference: over a hundred operations, so axe takes minutes on it.
  const own = ["/", "/sandbox", "/account", "/signin", "/signup"];
  const others = [...linked].filter((p) => !own.includes(p) && !p.startsWith("/learn/"));
  // Up to 7 minutes per scan of /reference on a busy 2-core machine, and two scans per page.
  test.setTimeout(180_000 + others.length * 2 * 420_000);
  const failures: string[] = [];
  for (const path of others) {
    await test.step(path, async () => {
      const res = await openIn(page, path, "light");
      expect(res?.status(), `${path} answers 200`).toBe(200);
      await revealAll(page);
      failures.push(...(await violationsInBothSchemes(page, path)));
    });
  }
  expect(failures, report(failures)).toEqual([]);
});

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} theme`, () => {
    test(`the roadmap has no axe violations (${scheme})`, async ({ page }) => {
      await openIn(page, "/", scheme);
      await revealAll(page);
      const failures = await violationsOn(page, `[${scheme}] /`);
      expect(failures, report(failures)).toEqual([]);
    });

    test(`a console's Auth, Vars and form body panels have no axe violations (${scheme})`, async ({
      page,
    }) => {
      await openIn(page, "/learn/http-and-rest", scheme);
      const panel = page.getByRole("group", {
        name: "Request console: A POST with a JSON body and a header of your own",
      });
      await panel.scrollIntoViewIfNeeded();
      const failures: string[] = [];
      const scan = async (what: string) =>
        failures.push(...(await markedViolations(page, `[${scheme}] console ${what}`, [panel])));
      // Vars: one set by hand, one with a name that is not one, one the request uses but lacks.
      await panel.getByRole("tab", { name: /Vars/ }).click();
      await panel.getByRole("button", { name: "Add variable" }).click();
      await panel.getByLabel("Variable 1 name").fill("learner");
      await panel.getByLabel("Value of variable learner").fill("grace");
      await panel.getByRole("button", { name: "Add variable" }).click();
      await panel.getByLabel("Variable 2 name").fill("2bad");
      await panel.getByRole("tab", { name: /Headers/ }).click();
      await panel.getByLabel("Header 1 value").fill("{{learner}} {{missing}}");
      await scan("headers with a missing variable");
      await panel.getByRole("tab", { name: /Vars/ }).click();
      await scan("vars");
      await panel.getByRole("tab", { name: "Auth" }).click();
      await panel.getByLabel("Authorization").selectOption("bearer");
      await panel.getByLabel("Token").fill("{{nobody}}");
      await scan("auth bearer");
      await panel.getByLabel("Authorization").selectOption("basic");
      await panel.getByLabel("Username").fill("Aladdin");
      await scan("auth basic");
      await panel.getByRole("tab", { name: /Body/ }).click();
      await panel.getByLabel("Body type").selectOption("form");
      await scan("form body");
      await panel.getByLabel("Body type").selectOption("text");
      await scan("text body");
      expect(failures, report(failures)).toEqual([]);
    });

    test(`the sandbox page has no axe violations before and after a sandbox exists (${scheme})`, async ({
      page,
      baseURL,
    }) => {
      await openIn(page, "/sandbox", scheme);
      await expect(page.getByRole("button", { name: "Create my sandbox" })).toBeVisible();
      const failures = await violationsOn(page, `[${scheme}] /sandbox (none yet)`);

      await createSandbox(page, baseURL ?? "");
      await openIn(page, "/sandbox", scheme);
      await expect(page.getByTestId("sandbox-key")).toContainText("sbx_");
      await expect(page.getByTestId("request-log-row").first()).toBeVisible();
      failures.push(...(await violationsOn(page, `[${scheme}] /sandbox (created)`)));

      // The reset confirmation is a state of its own (a red button).
      await page.getByRole("button", { name: "Reset sandbox" }).click();
      await expect(page.getByRole("button", { name: "Yes, reset" })).toBeVisible();
      failures.push(...(await violationsOn(page, `[${scheme}] /sandbox (confirm reset)`)));
      expect(failures, report(failures)).toEqual([]);
    });

    test(`the sign-in, sign-up and account pages have no axe violations (${scheme})`, async ({
      page,
    }) => {
      await openIn(page, "/signin", scheme);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      const failures = await violationsOn(page, `[${scheme}] /signin`);
      await page.getByLabel("Email").fill(`nobody-${scheme}-${Date.now()}@example.com`);
      await page.getByLabel("Password").fill("not a password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
      failures.push(...(await violationsOn(page, `[${scheme}] /signin (refused)`)));

      await openIn(page, "/signup", scheme);
      failures.push(...(await violationsOn(page, `[${scheme}] /signup`)));
      const email = `a11y-${scheme}-${Date.now()}@example.com`;
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("short");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
      failures.push(...(await violationsOn(page, `[${scheme}] /signup (field errors)`)));

      await page.getByLabel("Password").fill("correct horse battery");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await openIn(page, "/account", scheme);
      await expect(page.getByTestId("account-email")).toContainText(email);
      failures.push(...(await violationsOn(page, `[${scheme}] /account`)));
      await page.getByRole("button", { name: "Delete my account…" }).click();
      await expect(page.getByLabel("Your password, to confirm")).toBeFocused();
      failures.push(...(await violationsOn(page, `[${scheme}] /account (confirm delete)`)));
      expect(failures, report(failures)).toEqual([]);
    });

    test(`the search dialog has no axe violations, empty and with results (${scheme})`, async ({
      page,
    }) => {
      await openIn(page, "/", scheme);
      await page.keyboard.press("/");
      const dialog = page.getByRole("dialog", { name: "Search lessons" });
      await expect(dialog.getByTestId("search-status")).toHaveText(/^Search headings/);
      const failures = await violationsOn(
        page,
        `[${scheme}] search (empty)`,
        '[data-testid="search-dialog"]',
      );
      // Results with marked words, the selected one, and planned lessons "coming later".
      await dialog.getByRole("combobox").fill("api");
      await expect(dialog.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
      await expect(dialog.getByRole("list", { name: "Coming later" })).toBeVisible();
      failures.push(...(await violationsOn(page, `[${scheme}] / (search open, with results)`)));
      expect(failures, report(failures)).toEqual([]);
    });

    test(`the 404 page has no axe violations (${scheme})`, async ({ page }) => {
      const res = await openIn(page, "/learn/nope", scheme);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const failures = await violationsOn(page, `[${scheme}] /learn/nope`);
      // The skip link, shown only while it has focus.
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
      failures.push(...(await violationsOn(page, `[${scheme}] /learn/nope (skip link focused)`)));
      expect(failures, report(failures)).toEqual([]);
    });
  });
}
