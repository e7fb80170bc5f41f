import { consoleTitled, expect, sendExpecting, test } from "./fixtures";

// The console's variables, Auth tab and form bodies, driven as a learner drives them.

test("logging in through the JWT lesson's console saves the token, /me sends it, and an edited token is refused", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("jwt-auth");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);
  await sendExpecting(consoleTitled(page, "Register Alice"), /^201/);

  const login = consoleTitled(page, "Alice logs in");
  await sendExpecting(login, /^200/);
  await expect(login.root.getByTestId("saved-variables")).toHaveText(
    "Saved {{accessToken}}, {{refreshToken}} for later requests (see Vars).",
  );

  // The Vars tab of any console lists them: the variables belong to the sandbox, not a console.
  const me = consoleTitled(page, "Who am I? Alice's access token says");
  await me.root.scrollIntoViewIfNeeded();
  await me.root.getByRole("tab", { name: /Vars/ }).click();
  const token = me.root.getByLabel("Value of variable accessToken");
  await expect(token).toHaveValue(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  await expect(me.root.getByText("From “Alice logs in”").first()).toBeVisible();

  // Its Auth tab reads the Authorization row: a Bearer token, {{accessToken}}.
  await me.root.getByRole("tab", { name: "Auth" }).click();
  await expect(me.root.getByLabel("Authorization")).toHaveValue("bearer");
  await expect(me.root.getByLabel("Token")).toHaveValue("{{accessToken}}");

  await sendExpecting(me, /^200/);
  await expect(me.responseBody()).toContainText('"email": "alice@example.com"');

  // Kept for the sandbox: still there after a reload.
  await page.reload();
  const again = consoleTitled(page, "Who am I? Alice's access token says");
  await again.root.scrollIntoViewIfNeeded();
  await again.root.getByRole("tab", { name: /Vars/ }).click();
  const kept = again.root.getByLabel("Value of variable accessToken");
  await expect(kept).toHaveValue(/^eyJ/);

  // An edited token is the learner's experiment: the server refuses it.
  await kept.fill("garbage");
  await sendExpecting(again, /^401/);
  await expect(again.responseBody()).toContainText("Invalid token");

  // Removed, it is missing: Send says which console saves it, and sends nothing.
  await again.root.getByRole("button", { name: "Remove variable accessToken" }).click();
  await again.send();
  await expect(again.root.getByRole("alert")).toHaveText(
    "This request uses {{accessToken}}, which is not set yet: send “Alice logs in” first (its response saves it), or set it in the Vars tab.",
  );
  await expect(again.status()).toHaveText(/^401/);

  // A reset of the sandbox clears its variables: the tokens they held are gone with its users.
  const bar = page.getByTestId("lesson-sandbox");
  await bar.getByRole("button", { name: "Reset sandbox…" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: "Reset sandbox", exact: true })
    .click();
  await expect(again.root.getByLabel(/^Value of variable/)).toHaveCount(0);
});

test("a variable added by hand fills a request", async ({ lesson, page }) => {
  await lesson.open("http-and-rest");
  const echo = consoleTitled(page, "A POST with a JSON body and a header of your own");
  await echo.root.scrollIntoViewIfNeeded();
  await echo.root.getByRole("tab", { name: /Vars/ }).click();
  await echo.root.getByRole("button", { name: "Add variable" }).click();
  await echo.root.getByLabel("Variable 1 name").fill("learner");
  await echo.root.getByLabel("Value of variable learner").fill("grace");
  await echo.root.getByRole("tab", { name: /Headers/ }).click();
  await echo.root.getByLabel("Header 1 value").fill("{{learner}}");
  await sendExpecting(echo, /^200/);
  await expect(echo.responseBody()).toContainText('"x-learner": "grace"');
});

test("a form body is sent urlencoded, and the Basic helper writes the header the echo shows", async ({
  lesson,
  page,
}) => {
  await lesson.open("http-and-rest");
  const echo = consoleTitled(page, "A POST with a JSON body and a header of your own");
  await echo.root.scrollIntoViewIfNeeded();

  // JSON to form: the object's fields become the form's rows, and Content-Type follows.
  await echo.root.getByRole("tab", { name: /Body/ }).click();
  await echo.root.getByLabel("Body type").selectOption("form");
  await expect(echo.root.getByLabel("Form field 1 name")).toHaveValue("title");
  await echo.root.getByLabel("Form field 1 value").fill("Milk & eggs");
  await expect(echo.root.getByText("Sent as application/x-www-form-urlencoded")).toBeVisible();

  // Basic: base64 of user:password, shown, and written into the Authorization row.
  await echo.root.getByRole("tab", { name: "Auth" }).click();
  await echo.root.getByLabel("Authorization").selectOption("basic");
  await echo.root.getByLabel("Username").fill("Aladdin");
  await echo.root.getByLabel("Password").fill("open sesame");
  await expect(echo.root.getByTestId("basic-value")).toContainText(
    "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
  );
  await echo.root.getByRole("tab", { name: /Headers/ }).click();
  await expect(echo.root.getByLabel("Header 3 value")).toHaveValue(
    "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
  );

  await sendExpecting(echo, /^200/);
  const body = echo.responseBody();
  await expect(body).toContainText('"content-type": "application/x-www-form-urlencoded"');
  await expect(body).toContainText('"authorization": "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="');
  await expect(body).toContainText('"body": "title=Milk+%26+eggs&done=false"');
});
