import type { Page } from "@playwright/test";
import { quizzes } from "@/content/lessons/express-and-sql/quizzes";
import { passQuizzes } from "./exercises";
import { consoleTitled, expect, FIRST, sendExpecting, test } from "./fixtures";

/** The SQL console answers slowly on a busy machine: the first script builds the dataset. */
const SLOW = { timeout: 60_000 };

function sqlConsole(page: Page, title: string) {
  return page.getByRole("group", { name: `SQL console: ${title}` });
}

test("a learner leaks their drafts through the concatenated search, sees placeholders stop the same input and an injected DELETE rolled back, then passes the checks", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("express-and-sql");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);

  // The injection: every post comes back, the two drafts with them.
  const leak = consoleTitled(page, "A title that ends the string and adds OR 1=1");
  // It runs in the SQL console's database, which the server's first script builds.
  await sendExpecting(leak, /^200/, SLOW);
  await expect(leak.responseBody()).toContainText('"drafts": 2');
  await expect(leak.responseBody()).toContainText("Choosing indexes: a checklist");
  await expect(leak.responseBody()).toContainText("or 1=1 --%' order by id");
  await expect(leak.spans().filter({ hasText: "sql" }).first()).toBeVisible();

  // The same title, bound: nothing.
  const bound = consoleTitled(page, "The same title as a bound value");
  await sendExpecting(bound, /^200/);
  await expect(bound.responseBody()).toContainText('"posts": []');
  await expect(bound.responseBody()).toContainText('"$3": "%\' or 1=1 --%"');
  await expect(bound.responseBody()).not.toContainText("Choosing indexes");

  // A second statement deletes every post, in the console's transaction, which is rolled back.
  const deleting = consoleTitled(page, "A title that adds a second statement: DELETE");
  await sendExpecting(deleting, /^200/);
  await expect(deleting.responseBody()).toContainText('"command": "DELETE"');
  await expect(deleting.responseBody()).toContainText('"rolledBack": true');
  const after = sqlConsole(page, "Your posts after the DELETE");
  await after.scrollIntoViewIfNeeded();
  await after.getByRole("button", { name: "Run", exact: true }).click();
  const table = after.getByTestId("sql-table");
  await expect(table.locator("tbody tr")).toHaveCount(2, SLOW);
  await expect(table.locator("tbody tr").nth(1)).toContainText("published");
  await expect(table.locator("tbody tr").nth(1)).toContainText("6");

  // A search of the learner's own, in the first console's Params tab.
  const own = consoleTitled(page, "Your published posts about Postgres (parameterised)");
  await own.root.scrollIntoViewIfNeeded();
  await own.root.getByRole("tab", { name: /Params/ }).click();
  await expect(own.root.getByLabel("Query parameter 1 name")).toHaveValue("title");
  await own.root.getByLabel("Query parameter 1 value").fill("flaky");
  await own.send();
  await expect(own.status()).toHaveText(/^200/, FIRST);
  await expect(own.responseBody()).toContainText("Five causes of flaky tests");

  // The knowledge check, answered right (e2e/quizzes.spec.ts drives the quiz component itself).
  await passQuizzes(page.request, quizzes);

  const panel = page.getByTestId("check-work");
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole("button", { name: "Check my work" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(
    /^All 5 checks passed\. This lesson is done\.$/,
    FIRST,
  );
});
