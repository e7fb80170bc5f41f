import type { Locator, Page } from "@playwright/test";
import { checks } from "@/content/lessons/language-fundamentals/checks";
import { solutions } from "@/content/lessons/language-fundamentals/solutions";
import { WORKER_CONTENT_SECURITY_POLICY } from "@/lib/http/security-headers";
import { expect, FIRST, test } from "./fixtures";

const PATH = "/learn/language-fundamentals";

/** The exercise on the page, driven as a learner would: edit, Run, read the results. */
function exercise(page: Page, id: string) {
  const root = page.locator(`[data-testid="exercise"][data-exercise="${id}"]`);
  return {
    root,
    editor: root.getByRole("textbox", { name: /^Code for the exercise/ }),
    summary: root.getByTestId("exercise-summary"),
    test: (name: string): Locator => root.getByTestId("exercise-test").filter({ hasText: name }),
    async run() {
      await root.scrollIntoViewIfNeeded();
      await root.getByRole("button", { name: "Run", exact: true }).click();
    },
  };
}

test.describe("language fundamentals: code exercises in the browser", () => {
  test("a failing run says which test failed and why; fixed in the editor it passes, and Check my work counts it", async ({
    page,
  }) => {
    await page.goto(PATH);
    const types = exercise(page, "types");
    await types.run();
    // The first run loads the compiler.
    await expect(types.summary).toHaveText("0 of 2 tests passed.", FIRST);
    const failed = types.test("describes a user without an email");
    await expect(failed).toHaveAttribute("data-passed", "false");
    await expect(failed).toContainText('Expected "Ada (36)", got "Ada".');
    await expect(types.root.getByTestId("exercise-report")).toContainText(
      "Recorded in your sandbox",
      FIRST,
    );

    await types.editor.fill(solutions.types ?? "");
    await types.run();
    await expect(types.summary).toHaveText("All 2 tests passed.");
    await expect(types.test("adds the email in angle brackets")).toHaveAttribute(
      "data-passed",
      "true",
    );
    await expect(types.root.getByTestId("exercise-report")).toHaveText(
      "Recorded in your sandbox: this exercise now counts in Check my work.",
    );

    const checkWork = page.getByTestId("check-work");
    await checkWork.scrollIntoViewIfNeeded();
    await checkWork.getByRole("button", { name: "Check my work" }).click();
    await expect(checkWork.getByTestId("check-summary")).toHaveText(
      `1 of ${checks.length} checks passed.`,
    );
    const results = checkWork.getByTestId("check-result");
    await expect(
      results.filter({ hasText: 'You passed the exercise "Describe a user"' }),
    ).toContainText("passed");
    await expect(results.filter({ hasText: 'You passed the exercise "FizzBuzz"' })).toContainText(
      "not yet",
    );
  });

  test("an endless loop is stopped after 2 s, and the page stays responsive", async ({ page }) => {
    await page.goto(PATH);
    const loops = exercise(page, "loops");
    await loops.editor.fill(
      'console.log("before the loop");\nexport function fizzBuzz(n: number): string[] {\n  while (true) {}\n}\n',
    );
    await loops.run();
    await expect(loops.summary).toHaveText("Running the tests…", FIRST);
    // While the worker spins, the page still answers: another exercise can be edited.
    const functions = exercise(page, "functions");
    await functions.editor.fill("// typed while the loop runs\n");
    await expect(functions.editor).toHaveValue("// typed while the loop runs\n");
    await expect(loops.summary).toContainText("Stopped after 2 s", FIRST);
    await expect(loops.root.getByTestId("exercise-test")).toHaveCount(0);
    // What it printed before it was stopped is kept.
    await expect(loops.root.getByTestId("exercise-console")).toHaveText("before the loop");

    // Fixed, the same exercise runs again.
    await loops.editor.fill(solutions.loops ?? "");
    await loops.run();
    await expect(loops.summary).toHaveText("All 3 tests passed.", FIRST);
  });

  test("the learner's code has no network: fetch and XMLHttpRequest fail", async ({ page }) => {
    await page.goto(PATH);
    const functions = exercise(page, "functions");
    await functions.editor.fill(`for (const attempt of [() => fetch("/api/sandbox"), () => new XMLHttpRequest()]) {
  try {
    attempt();
    console.log("reached the network");
  } catch (error) {
    console.log(String(error));
  }
}
export const makeCounter = () => () => 0;
export const pipe = () => (x: number) => x;
`);
    await functions.run();
    await expect(functions.summary).toHaveText(/of 3 tests passed/, FIRST);
    const output = functions.root.getByTestId("exercise-console");
    await expect(output).toContainText("fetch is not available here");
    await expect(output).toContainText("XMLHttpRequest is not available here");
    await expect(output).not.toContainText("reached the network");
  });

  test("the workers' own policy lets them connect nowhere, even past the switched-off fetch", async ({
    page,
  }) => {
    await page.goto(PATH);
    const started = page.waitForEvent("worker");
    const types = exercise(page, "types");
    await types.run();
    // The compiler's worker stays for the next runs; it never runs the learner's code, so its
    // fetch is the browser's own, and only the policy stops it.
    const compiler = await started;
    const script = await page.request.get(compiler.url());
    expect(script.headers()["content-security-policy"]).toBe(WORKER_CONTENT_SECURITY_POLICY);
    const outcome = await compiler.evaluate(() =>
      fetch("/api/health").then(
        (res) => `reached: ${res.status}`,
        (error: unknown) => String(error),
      ),
    );
    expect(outcome).toBe("TypeError: Failed to fetch");
    await expect(types.summary).toHaveText("0 of 2 tests passed.", FIRST);
  });

  test("a syntax error is reported with its line, and nothing is recorded", async ({ page }) => {
    await page.goto(PATH);
    const json = exercise(page, "json");
    await json.editor.fill("export function parseTodo(text: string {\n  return text;\n}\n");
    await json.run();
    await expect(json.summary).toContainText("Your code does not compile", FIRST);
    await expect(json.summary).toContainText("Line 1");
    await expect(json.root.getByTestId("exercise-report")).toHaveCount(0);
  });
});
