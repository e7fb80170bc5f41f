import type { Page } from "@playwright/test";
import { consoleTitled, expect, FIRST, sendExpecting, test } from "./fixtures";

/** A SQL console on a lesson page (its group is named "SQL console: <title>"). */
function sqlConsole(page: Page, title: string) {
  const root = page.getByRole("group", { name: `SQL console: ${title}` });
  return {
    root,
    editor: root.getByRole("textbox", { name: "SQL script" }),
    async run() {
      await root.scrollIntoViewIfNeeded();
      await root.getByRole("button", { name: "Run", exact: true }).click();
      await expect(root.getByTestId("sql-summary")).toBeVisible(FIRST);
    },
  };
}

/** The SQL console answers slowly on a busy machine: the first script builds the dataset. */
const SLOW = { timeout: 60_000 };

test("a learner runs a join in a lesson's SQL console and sees one table with typed columns", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("joins-and-aggregations");
  const join = sqlConsole(page, "Albums with their artist's name");
  await join.root.scrollIntoViewIfNeeded();
  await join.root.getByRole("button", { name: "Run", exact: true }).click();
  await expect(join.root.getByTestId("sql-summary")).toHaveText(/^1 statement ran in/, SLOW);
  const table = join.root.getByTestId("sql-table");
  await expect(table).toHaveCount(1);
  await expect(table.getByRole("columnheader")).toHaveText([
    "artist text",
    "title text",
    "released_on date",
  ]);
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await expect(join.root.getByTestId("sql-result")).toContainText("SELECT");

  // Ctrl+Enter in the editor runs the edited script; the history keeps both scripts.
  await join.editor.fill("select 1 as n, null as nothing, 'NULL' as text;");
  await join.editor.press("Control+Enter");
  await expect(join.root.getByTestId("sql-null")).toHaveCount(1, SLOW);
  await expect(join.root.getByRole("cell", { name: "NULL", exact: true })).toHaveCount(2);
  await join.root.locator("summary", { hasText: "History" }).click();
  await expect(join.root.getByTestId("history-item")).toHaveCount(2);
});

test("an error points at its line and column, and the editor marks the spot", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("sql-basics");
  const typo = sqlConsole(page, "A typo, and where Postgres points");
  await typo.root.scrollIntoViewIfNeeded();
  await typo.root.getByRole("button", { name: "Run", exact: true }).click();
  await expect(typo.root.getByTestId("sql-error")).toContainText(
    'syntax error at or near "todos"',
    SLOW,
  );
  await expect(typo.root.getByTestId("sql-error-where")).toHaveText("line 2, column 6");
  await expect(typo.root.getByTestId("sql-error-mark")).toHaveText("todos");
  await expect(typo.editor).toHaveAttribute("aria-invalid", "true");
  // Fixing the script clears the mark.
  await typo.editor.fill("select id, title\nfrom todos\nwhere done;");
  await expect(typo.root.getByTestId("sql-error-mark")).toHaveCount(0);
});

test("EXPLAIN ANALYZE shows a plan tree, before and after an index", async ({ lesson, page }) => {
  test.slow();
  await lesson.open("subqueries-and-indexes");
  const before = sqlConsole(page, "EXPLAIN ANALYZE, no index");
  await before.root.scrollIntoViewIfNeeded();
  await before.root.getByRole("button", { name: "Run", exact: true }).click();
  const tree = before.root.getByTestId("plan-tree");
  await expect(tree).toBeVisible(SLOW);
  await expect(
    tree.getByTestId("plan-node").filter({ hasText: /Seq Scan\s*on\s*plays/ }),
  ).toHaveCount(1);
  await expect(tree).toContainText(/estimated, [\d,]+ actual/);

  const after = sqlConsole(page, "Create the index, ask again");
  await after.root.scrollIntoViewIfNeeded();
  await after.root.getByRole("button", { name: "Run", exact: true }).click();
  await expect(after.root.getByTestId("plan-tree")).toContainText("plays_listener_idx", SLOW);
});

test("SQL basics: the checks fail on a fresh sandbox and pass after the exercises", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("sql-basics");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  const panel = page.getByTestId("check-work");
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole("button", { name: "Check my work" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(/^0 of 4 checks passed\.$/, FIRST);

  await sendExpecting(consoleTitled(page, "Create todo 4 through the Todo API"), /^201/);
  for (const title of ["Filter, sort, limit", "INSERT, UPDATE, DELETE with RETURNING"]) {
    const script = sqlConsole(page, title);
    await script.root.scrollIntoViewIfNeeded();
    await script.root.getByRole("button", { name: "Run", exact: true }).click();
    await expect(script.root.getByTestId("sql-summary")).toHaveText(/ran in/, SLOW);
  }
  const typo = sqlConsole(page, "A typo, and where Postgres points");
  await typo.root.scrollIntoViewIfNeeded();
  await typo.root.getByRole("button", { name: "Run", exact: true }).click();
  await expect(typo.root.getByTestId("sql-error")).toBeVisible(SLOW);

  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole("button", { name: "Check again" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(
    /^All 4 checks passed\. This lesson is done\.$/,
    FIRST,
  );
});
