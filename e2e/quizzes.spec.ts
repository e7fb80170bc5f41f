import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { firstSteps, quizzes } from "@/content/lessons/command-line-and-git/quizzes";
import { quizzes as githubQuizzes } from "@/content/lessons/github-workflow/quizzes";
import { passQuizzes } from "./exercises";
import { expect, FIRST, test } from "./fixtures";

const quizOn = (page: Page, id: string): Locator =>
  page.locator(`[data-testid=quiz][data-quiz="${id}"]`);

test("the page holds a quiz's questions, but not its answers until they are checked", async ({
  page,
}) => {
  const html = await (await page.request.get("/learn/command-line-and-git")).text();
  expect(html).toContain("Moving around and making files");
  // Explanations of the first quiz (plain text, so no escaping can hide them).
  for (const secret of [
    "`..` always names the parent of the current directory",
    "That would be `cd /`",
    "By convention, and every shell operator relies on it.",
  ]) {
    expect(html).not.toContain(secret);
  }
});

test("answer a quiz wrong, read why, answer it right with the keyboard, and Check my work counts it", async ({
  lesson,
  page,
}) => {
  await lesson.open("command-line-and-git");
  const quiz = quizOn(page, firstSteps.id);
  await expect(quiz.getByRole("group")).toHaveCount(2);

  // Wrong on the first question, right on the second.
  await quiz.getByRole("radio", { name: "/", exact: true }).check();
  await quiz.getByRole("radio", { name: /Appends a line/ }).check();
  await quiz.getByRole("button", { name: "Check answers" }).click();
  const summary = quiz.getByTestId("quiz-summary");
  await expect(summary).toHaveText(/^1 of 2 right\./, FIRST);
  await expect(summary).toHaveAttribute("aria-live", "polite");
  const [cdUp, append] = [quiz.getByRole("group").nth(0), quiz.getByRole("group").nth(1)];
  await expect(cdUp.getByTestId("quiz-verdict")).toContainText("Not quite.");
  await expect(cdUp.getByTestId("quiz-verdict")).toContainText("always names the parent");
  await expect(append.getByTestId("quiz-verdict")).toContainText("Right.");
  // Every option says why: the one chosen, and the right one not chosen.
  await expect(cdUp.getByTestId("quiz-option-explanation")).toHaveCount(4);
  await expect(cdUp.getByText("That would be cd /.")).toBeVisible();
  await expect(cdUp.getByText("Also right, not chosen:")).toBeVisible();

  // The keyboard alone: arrow keys move the choice within the group, Tab moves on, Enter submits.
  const chosen = cdUp.getByRole("radio", { name: "/", exact: true });
  await chosen.focus();
  await page.keyboard.press("ArrowUp");
  await expect(
    cdUp.getByRole("radio", { name: "/home/ada/projects/..", exact: true }),
  ).toBeChecked();
  // Feedback on an answer since changed is gone until the next check.
  await expect(cdUp.getByTestId("quiz-verdict")).toHaveCount(0);
  await expect(append.getByTestId("quiz-verdict")).toContainText("Right.");
  await page.keyboard.press("ArrowUp");
  await expect(cdUp.getByRole("radio", { name: "/home/ada", exact: true })).toBeChecked();
  // Tab leaves the group for the next one (its checked radio), then reaches the button.
  await page.keyboard.press("Tab");
  await expect(append.getByRole("radio", { name: /Appends a line/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(quiz.getByRole("button", { name: "Check again" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(summary).toHaveText("All 2 right: quiz passed.");
  await expect(cdUp.getByTestId("quiz-verdict")).toContainText("Right.");

  const panel = page.getByTestId("check-work");
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole("button", { name: "Check my work" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(
    `1 of ${quizzes.length} checks passed.`,
  );

  await passQuizzes(page.request, quizzes.slice(1));
  await panel.getByRole("button", { name: "Check again" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(
    /^All \d+ checks passed\. This lesson is done\.$/,
  );
  await page.goto("/");
  await expect(page.getByTestId("lesson-done-command-line-and-git")).toBeVisible();
});

test("a multiple-choice question partly right is not right, and says which choice was missing", async ({
  lesson,
  page,
}) => {
  await lesson.open("github-workflow");
  const [first] = githubQuizzes;
  if (!first) throw new Error("no quiz");
  const quiz = quizOn(page, first.id);
  await quiz.getByRole("radio", { name: /A request to merge your branch/ }).check();
  await quiz.getByRole("button", { name: "Check answers" }).click();
  // The second question was left out.
  await expect(quiz.getByTestId("quiz-summary")).toHaveText(/^1 of 2 right\./, FIRST);
  await expect(quiz.getByRole("group").nth(1).getByTestId("quiz-verdict")).toContainText(
    "Not answered.",
  );

  const protectedQuiz = quizOn(page, "github-protected-branches");
  await protectedQuiz.scrollIntoViewIfNeeded();
  await protectedQuiz.getByRole("radio", { name: /GitHub rejects the push/ }).check();
  await protectedQuiz.getByRole("checkbox", { name: /cannot be merged until/ }).check();
  await protectedQuiz.getByRole("button", { name: "Check answers" }).click();
  const required = protectedQuiz.getByRole("group").nth(1);
  await expect(required.getByTestId("quiz-verdict")).toContainText("Not quite.", FIRST);
  await expect(required.getByText("Right choice:")).toHaveCount(1);
  await expect(required.getByText("Also right, not chosen:")).toHaveCount(1);

  await protectedQuiz.getByRole("checkbox", { name: /Pushing a fix/ }).check();
  await protectedQuiz.getByRole("button", { name: "Check again" }).click();
  await expect(protectedQuiz.getByTestId("quiz-summary")).toHaveText("All 2 right: quiz passed.");
});

for (const scheme of ["light", "dark"] as const) {
  test(`a graded quiz, with its verdicts and explanations, has no axe violations (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/learn/command-line-and-git");
    if (scheme === "dark") await expect(page.locator("html")).toHaveClass(/(^|\s)dark(\s|$)/);
    const quiz = quizOn(page, "cli-pipes-and-exit-codes");
    await quiz.scrollIntoViewIfNeeded();
    await quiz.getByRole("radio", { name: /Feeds what/ }).check();
    await quiz.getByRole("checkbox", { name: /0 means/ }).check();
    await quiz.getByRole("checkbox", { name: /crashed/ }).check();
    await quiz.getByRole("button", { name: "Check answers" }).click();
    await expect(quiz.getByTestId("quiz-summary")).toHaveText(/^1 of 3 right\./, FIRST);
    const { violations } = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .include('[data-quiz="cli-pipes-and-exit-codes"]')
      .analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  });
}
