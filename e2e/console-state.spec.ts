import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { findLesson } from "@/content/lessons";
import { type ConsolePanel, consoleTitled, expect, FIRST, test } from "./fixtures";

// The Todo lesson's answers assume a fresh sandbox and its requests in order. A console whose
// own request answers differently says what differs and why, and offers a (confirmed) reset or
// a replay of the lesson's earlier steps.

const todo = findLesson("todo-api");
/** How many of the lesson's steps come before `name` and are replayed (errors change nothing). */
function earlierSteps(name: string): number {
  const names = Object.keys(todo?.examples ?? {});
  return names
    .slice(0, names.indexOf(name))
    .filter((n) => (todo?.examples[n]?.expect.status ?? 500) < 400).length;
}

async function ready(panel: ConsolePanel) {
  await panel.root.scrollIntoViewIfNeeded();
  // Its code loads once per page; a busy machine may take a while.
  await expect(panel.root).toHaveAttribute("data-state", "ready", { timeout: 20_000 });
}

/** axe (WCAG 2.0/2.1 A and AA, best practices) on one part of the page: rule, where, why. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include(selector)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} at ${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
  );
}

const hint = (panel: ConsolePanel) => panel.root.getByTestId("sandbox-hint");
// The first request of a fresh server warms its database: allow it more than the default 5 s.

test.describe("a console that knows its sandbox's state", () => {
  test.describe.configure({ timeout: 90_000 });

  test("the create sent twice: the console names what differs, and a confirmed reset brings the lesson's answer back", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const create = consoleTitled(page, "Create todo 4");
    await ready(create);
    await create.send();
    await expect(create.status()).toHaveText(/^201/, FIRST);
    await expect(hint(create)).toHaveCount(0);

    await create.send();
    await expect(create.status()).toHaveText(/^201/);
    await expect(create.responseBody()).toContainText('"id": 5');
    const differs = hint(create);
    await expect(differs).toContainText("This answer differs from the lesson's.");
    await expect(differs.getByRole("row", { name: /Body id/ })).toContainText(/4\s*5/);
    await expect(differs.getByRole("row", { name: /Header location/ })).toContainText(
      "/api/v1/todos/5",
    );
    await expect(differs).toContainText("changed since a fresh start");
    // Every step before this one only reads: nothing worth replaying.
    await expect(differs.getByRole("button", { name: /Replay/ })).toHaveCount(0);

    // The reset asks first; Escape (or Cancel) changes nothing.
    await differs.getByRole("button", { name: "Reset sandbox…" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset your sandbox?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(differs).toContainText("This answer differs");

    await differs.getByRole("button", { name: "Reset sandbox…" }).click();
    await dialog.getByRole("button", { name: "Reset sandbox", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(hint(create)).toContainText("Your sandbox is back to a fresh start.");

    await create.send();
    await expect(create.status()).toHaveText(/^201/);
    await expect(create.responseBody()).toContainText('"id": 4');
    await expect(hint(create)).toHaveCount(0);
  });

  test("a later step on a sandbox that never ran the earlier ones offers to replay them, and then answers as the lesson says", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const remove = consoleTitled(page, "Delete todo 4 (it is done)");
    await ready(remove);
    await remove.send();
    await expect(remove.status()).toHaveText(/^404/, FIRST);
    const differs = hint(remove);
    await expect(differs.getByRole("row", { name: /Status/ })).toContainText(
      /204 No Content\s*404 Not Found/,
    );
    await expect(differs).toContainText("The server says: “Your sandbox has no todo with id 4.”");

    const count = earlierSteps("deleteTodo");
    await differs
      .getByRole("button", { name: `Replay the ${count} steps before this one` })
      .click();
    await expect(hint(remove)).toContainText(`Replayed the ${count} steps before this one.`, {
      timeout: 30_000,
    });
    // The replay ends on Send, the next thing to press.
    await expect(remove.root.getByRole("button", { name: "Send", exact: true })).toBeFocused();

    await remove.send();
    await expect(remove.status()).toHaveText(/^204/);
    await expect(hint(remove)).toHaveCount(0);
  });

  test("a replay on a changed sandbox stops where it differs; reset and replay from there brings the expected state", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const create = consoleTitled(page, "Create todo 4");
    await ready(create);
    await create.send();
    await expect(create.status()).toHaveText(/^201/, FIRST);
    await create.send();
    await expect(create.responseBody()).toContainText('"id": 5');

    // Todo 4 exists after all: the lesson's "Read it again" expects it deleted.
    const reread = consoleTitled(page, "Read it again");
    await ready(reread);
    await reread.send();
    await expect(reread.status()).toHaveText(/^200/);
    const differs = hint(reread);
    await expect(differs.getByRole("row", { name: /Status/ })).toContainText(
      /404 Not Found\s*200 OK/,
    );

    const count = earlierSteps("getDeleted");
    await differs
      .getByRole("button", { name: `Replay the ${count} steps before this one` })
      .click();
    const stopped = hint(reread);
    await expect(stopped).toContainText("The replay stopped at “List your todos”", {
      timeout: 30_000,
    });
    await expect(stopped.getByRole("row", { name: /Body pagination\.total/ })).toContainText(
      /3\s*5/,
    );

    await stopped.getByRole("button", { name: "Reset sandbox…" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset your sandbox?" });
    await dialog.getByRole("button", { name: `Reset and replay ${count} steps` }).click();
    await expect(hint(reread)).toContainText(`Replayed the ${count} steps before this one.`, {
      timeout: 30_000,
    });

    await reread.send();
    await expect(reread.status()).toHaveText(/^404/);
    await expect(hint(reread)).toHaveCount(0);
  });

  test("the lesson page resets the sandbox itself, after a confirmation, and its consoles know", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const bar = page.getByTestId("lesson-sandbox");
    await expect(bar).toContainText("fresh sandbox");
    const create = consoleTitled(page, "Create todo 4");
    await ready(create);
    await create.send();
    await expect(create.status()).toHaveText(/^201/, FIRST);
    await create.send();
    await expect(hint(create)).toContainText("differs");

    await bar.getByRole("button", { name: "Reset sandbox…" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset your sandbox?" });
    await expect(dialog).toContainText("Your key and your progress stay.");
    await dialog.getByRole("button", { name: "Reset sandbox", exact: true }).click();
    await expect(bar).toContainText("Your sandbox is back to a fresh start");
    await expect(hint(create)).toContainText("Your sandbox is back to a fresh start.");

    await create.send();
    await expect(create.responseBody()).toContainText('"id": 4');
    await expect(hint(create)).toHaveCount(0);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the page's reset, the hint and the reset dialog have no axe violations (${scheme})`, async ({
      lesson,
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await lesson.open("todo-api");
      const dark = expect(page.locator("html"));
      await (scheme === "dark" ? dark : dark.not).toHaveClass(/(^|\s)dark(\s|$)/);
      expect(await axeViolations(page, '[data-testid="lesson-sandbox"]')).toEqual([]);
      const create = consoleTitled(page, "Create todo 4");
      await ready(create);
      await create.send();
      await expect(create.status()).toHaveText(/^201/, FIRST);
      await create.send();
      await expect(hint(create)).toContainText("differs");
      expect(await axeViolations(page, '[aria-label="Request console: Create todo 4"]')).toEqual(
        [],
      );
      await hint(create).getByRole("button", { name: "Reset sandbox…" }).click();
      await expect(page.getByRole("dialog", { name: "Reset your sandbox?" })).toBeVisible();
      expect(await axeViolations(page, "dialog[open]")).toEqual([]);
    });
  }

  test("an edited request is the learner's own experiment: no comparison, no hint", async ({
    lesson,
    page,
  }) => {
    await lesson.open("todo-api");
    const read = consoleTitled(page, "Read todo 1");
    await ready(read);
    await read.root.getByLabel("Path").fill("/api/v1/todos/99");
    await read.send();
    await expect(read.status()).toHaveText(/^404/, FIRST);
    await expect(hint(read)).toHaveCount(0);
  });
});
