import { consoleTitled, expect, sendExpecting, test } from "./fixtures";

test("a learner registers Alice, logs in, and the later consoles carry her token: /me, the decoder, a forged token refused", async ({
  lesson,
  page,
}) => {
  test.slow();
  await lesson.open("jwt-auth");
  // The learner's sandbox, created as curl creates one; the cookie lands in this browser context.
  expect((await page.request.post("/api/sandbox")).status()).toBe(201);

  await sendExpecting(consoleTitled(page, "Register Alice"), /^201/);

  // Before Alice has logged in on this page, /me says which console gives it the token.
  const me = consoleTitled(page, "Who am I? Alice's access token says");
  await me.root.scrollIntoViewIfNeeded();
  await me.send();
  await expect(me.root.getByRole("alert")).toContainText("send “Alice logs in” first");

  const login = consoleTitled(page, "Alice logs in");
  await sendExpecting(login, /^200/);
  await expect(login.responseBody()).toContainText('"tokenType": "Bearer"');
  await expect(login.spans().filter({ hasText: "password" }).first()).toBeVisible();

  await sendExpecting(me, /^200/);
  await expect(me.responseBody()).toContainText("alice@example.com");
  await expect(me.spans().filter({ hasText: "token" }).first()).toBeVisible();

  // The decoder reads the same token, in the page, and says it verifies nothing.
  const decoder = page.getByTestId("jwt-decoder");
  await decoder.scrollIntoViewIfNeeded();
  await expect(decoder).toContainText("checks no signature");
  await decoder.getByRole("button", { name: "Use Alice's access token" }).click();
  const decoded = decoder.getByTestId("jwt-decoded");
  await expect(decoded).toContainText('"alg": "RS256"');
  await expect(decoded).toContainText('"typ": "at+jwt"');
  await expect(decoded).toContainText('"sub": "2"');
  await expect(decoded).toContainText('"role": "customer"');
  await expect(decoded).toContainText(/exp \(expires\): .*, in 1[45] min/);

  // A malformed token is named as such rather than decoded.
  await decoder.getByLabel("Token").fill("not.a-token");
  await expect(decoder.getByRole("status")).toContainText("three parts");

  // The lab forges tokens from Alice's; the alg none one is refused with 401 invalid_token.
  await sendExpecting(consoleTitled(page, "Forge eight tokens from Alice's"), /^200/);
  const algNone = consoleTitled(page, "alg: none");
  await sendExpecting(algNone, /^401/);
  await expect(algNone.responseBody()).toContainText("Invalid token");
  await expect(algNone.root).toContainText('error="invalid_token"');
});
