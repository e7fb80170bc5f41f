import { consoleTitled, expect, sendExpecting, test } from "./fixtures";

test("a learner logs in through the console, the browser's cookie says who they are, a change without the CSRF token is refused, and after logout /me is 401", async ({
  lesson,
  page,
  context,
}) => {
  // Ten consoles and two password hashes: a busy machine needs more than the default.
  test.setTimeout(180_000);
  await lesson.open("authn-and-authz");
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);

  const me = consoleTitled(page, "Who am I? Nobody yet");
  await sendExpecting(me, /^401/);
  await expect(me.root).toContainText('Cookie realm="sessions"');

  await sendExpecting(consoleTitled(page, "Register Alice"), /^201/);
  const login = consoleTitled(page, "Alice logs in");
  await sendExpecting(login, /^200/);
  await expect(login.responseBody()).toContainText('"csrfToken"');
  await expect(login.spans().filter({ hasText: "password" }).first()).toBeVisible();

  // The cookie is in the browser, httpOnly and for the lesson's paths only; no script sees it.
  const cookie = (await context.cookies()).find((c) => c.name === "lesson_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/v1/sessions" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("lesson_session");

  const meAlice = consoleTitled(page, "Who am I? The cookie says");
  await sendExpecting(meAlice, /^200/);
  await expect(meAlice.responseBody()).toContainText("alice@example.com");
  await expect(meAlice.spans().filter({ hasText: "session" }).first()).toBeVisible();

  // The console's request carries the cookie but no token: refused, and it says why.
  const forged = consoleTitled(page, "A change with the cookie alone");
  await sendExpecting(forged, /^403/);
  await expect(forged.responseBody()).toContainText("X-CSRF-Token");

  // With the token the login answered (filled in by the console), the note is written.
  await sendExpecting(consoleTitled(page, "Alice writes a note"), /^201/);

  // Log out with Alice's session: {{csrfToken}} holds what the latest login on this page (hers)
  // answered, so the lesson's logout console works for whoever logged in last.
  const logout = consoleTitled(page, "The admin logs out");
  await sendExpecting(logout, /^204/);
  expect((await context.cookies()).find((c) => c.name === "lesson_session")).toBeUndefined();

  const after = consoleTitled(page, "Who am I now?");
  await sendExpecting(after, /^401/);
  await expect(after.responseBody()).toContainText("Log in first");
});
