import { expect, test } from "./fixtures";

test("the sandbox page creates a sandbox, shows its key and logs lesson requests", async ({
  page,
}) => {
  await page.goto("/sandbox");
  await page.getByRole("button", { name: "Create my sandbox" }).click();
  await expect(page.getByTestId("sandbox-key")).toContainText("sbx_");

  await page.getByRole("button", { name: "Reveal" }).click();
  const key = (await page.getByTestId("sandbox-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^sbx_[\w-]{43}$/);

  // A request with the key from outside the browser (as curl would) lands in the same log.
  const res = await page.request.get("/api/v1/http/status/418", {
    headers: { "X-Sandbox-Key": key },
  });
  expect(res.status()).toBe(418);

  await page.getByRole("button", { name: "Refresh" }).click();
  const row = page.getByTestId("request-log-row").filter({ hasText: "/api/v1/http/status/418" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("418");
  await expect(row).toContainText("validate");
});

test("an unknown key in the header is refused, not silently replaced", async ({ request }) => {
  const res = await request.get("/api/v1/todos", {
    headers: { "X-Sandbox-Key": `sbx_${"x".repeat(43)}` },
  });
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  const body = await res.json();
  expect(body.title).toBe("Authentication required");
  expect(body.detail).toContain("No sandbox has the key");
  expect(res.headers()["set-cookie"]).toBeUndefined();
});
