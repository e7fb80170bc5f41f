import type { Page } from "@playwright/test";
import { lessons } from "@/content/lessons";
import { expect, test } from "./fixtures";

const PASSWORD = "correct horse battery";
let counter = 0;
/** The form's message (Next's route announcer is an alert too, outside main). */
const alert = (page: Page) => page.getByRole("main").getByRole("alert");
const uniqueEmail = (name: string) => `${name}-${Date.now().toString(36)}-${counter++}@example.com`;

async function signUp(page: Page, email: string, name = "Ada") {
  await page.goto("/signup");
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toContainText(email);
}

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Does what the HTTP and REST lesson's checks look for, then checks the work on its page. */
async function finishHttpAndRest(page: Page) {
  await page.goto("/learn/http-and-rest");
  // The page's own cookie jar: what the consoles would use. Signed in, the sandbox is the account's.
  const created = await page.request.post("/api/sandbox");
  expect(created.status()).toBe(201);
  await page.request.post("/api/v1/http/echo", { data: { hello: "world" } });
  await page.request.get("/api/v1/http/echo", { headers: { accept: "image/png" } });
  const first = await page.request.get("/api/v1/todos/1");
  await page.request.get("/api/v1/todos/1", {
    headers: { "if-none-match": first.headers().etag ?? "" },
  });
  await page.request.get("/api/v1/http/status/404");
  await page.request.get("/api/v1/http/delay/10");
  const panel = page.getByTestId("check-work");
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole("button", { name: "Check my work" }).click();
  await expect(panel.getByTestId("check-summary")).toHaveText(
    /^All \d+ checks passed\. This lesson is done\.$/,
  );
}

test("progress made after signing up is there in a second browser once signed in there", async ({
  page,
  browser,
}) => {
  // Two sign-ins (argon2id each), a lesson finished and two browsers: more than the default 30 s
  // on a busy machine.
  test.slow();
  const email = uniqueEmail("two-browsers");
  await signUp(page, email);
  await expect(page.getByTestId("account-progress")).toContainText("No sandbox yet");
  await finishHttpAndRest(page);
  await page.goto("/account");
  await expect(page.getByTestId("account-progress")).toContainText(
    `1 of ${lessons.length} lessons done`,
  );

  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto("/");
  await expect(other.getByTestId("lesson-done-http-and-rest")).toHaveCount(0);
  await signIn(other, email);
  await expect(other).toHaveURL(/\/account$/);
  await expect(other.getByTestId("account-progress")).toContainText(
    `1 of ${lessons.length} lessons done`,
  );
  await other.goto("/");
  await expect(other.getByTestId("lesson-done-http-and-rest")).toBeVisible();
  await other.goto("/learn/http-and-rest");
  await expect(other.getByTestId("check-work").getByText("✓ Lesson done")).toBeVisible();
  // The same sandbox: the same key on both.
  const keys = await Promise.all(
    [page, other].map(
      async (p) => ((await (await p.request.get("/api/sandbox")).json()) as { key: string }).key,
    ),
  );
  expect(keys[0]).toBe(keys[1]);
  await second.close();
});

test("wrong passwords are refused alike; signing out and deleting the account work from the account page", async ({
  page,
}) => {
  const email = uniqueEmail("lifecycle");
  await signUp(page, email, "Grace");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Account" })
    .click();
  await expect(page).toHaveURL(/\/signin\?next=\/account$/);

  await signIn(page, email, "not my password");
  const refused = "That email and password do not match an account.";
  await expect(alert(page)).toHaveText(refused);
  await signIn(page, uniqueEmail("nobody"), "not my password");
  await expect(alert(page)).toHaveText(refused);

  await signIn(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Delete my account…" }).click();
  await page.getByLabel("Your password, to confirm").fill("wrong");
  await page.getByRole("button", { name: "Delete my account and sandbox" }).click();
  await expect(alert(page)).toHaveText("That is not your password: nothing was deleted.");
  await page.getByLabel("Your password, to confirm").fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account and sandbox" }).click();
  await expect(page).toHaveURL(/\/signin\?deleted=1$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Your account and its sandbox were deleted.",
  );
  await signIn(page, email);
  await expect(alert(page)).toHaveText(refused);
});

test("signing up names what is wrong, and an email that has an account", async ({ page }) => {
  const email = uniqueEmail("taken");
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(alert(page)).toHaveText("Check the highlighted fields.");
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Use at least 8 characters\./);
  await password.fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(alert(page)).toHaveText(
    "An account with this email already exists. Sign in instead.",
  );
});

test("Continue with GitHub starts at GitHub's authorization page with this site's callback", async ({
  page,
  baseURL,
}) => {
  // Nothing reaches GitHub: its page is played by a stub.
  await page.route("https://github.com/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>GitHub</title><h1>Authorize</h1>" }),
  );
  await page.goto("/signin?next=/learn/todo-api");
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(page).toHaveURL(/^https:\/\/github\.com\/login\/oauth\/authorize\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("client_id")).toBe("e2e-github-app");
  expect(url.searchParams.get("redirect_uri")).toBe(`${baseURL}/api/auth/callback/github`);
});
