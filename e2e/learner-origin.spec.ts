import type { APIRequestContext, Page } from "@playwright/test";
import { ConsolePanel, expect, test } from "./fixtures";

/**
 * One server, two names: Playwright's baseURL is http://127.0.0.1:<port>, and the same server
 * answers as http://localhost:<port>. The browser keeps a separate cookie jar for each, so a link
 * that switches names lands the learner in a new, empty sandbox.
 */
const HOSTS = ["127.0.0.1", "localhost"] as const;

/** For what a page shows after it loaded and asked the server: CI machines can be busy. */
const patient = expect.configure({ timeout: 15_000 });

function siteAt(baseURL: string | undefined, host: string): string {
  const url = new URL(baseURL ?? "http://127.0.0.1:3100");
  url.hostname = host;
  return url.origin;
}

async function sandboxKey(request: APIRequestContext, site: string): Promise<string> {
  const res = await request.get(`${site}/api/sandbox`);
  expect(res.status()).toBe(200);
  return (await res.json()).key;
}

/** Sends from the page's first console and follows the answer's "Why this happens →" link. */
async function followWhy(page: Page, method: string, path: string, body?: unknown) {
  const panel = new ConsolePanel(page.getByTestId("console").first());
  await panel.request(method, path, body);
  await panel.send();
  const why = panel.root.getByRole("link", { name: "Why this happens →" });
  await patient(why).toBeVisible();
  await why.click();
}

/** The lesson's work, sent with the page's cookie (as the consoles would), then checked. */
async function finishHttpAndRest(page: Page, site: string) {
  const api = page.request;
  await api.post(`${site}/api/v1/http/echo`, { data: { hello: "world" } });
  await api.get(`${site}/api/v1/http/echo`, { headers: { accept: "image/png" } });
  const first = await api.get(`${site}/api/v1/todos/1`);
  await api.get(`${site}/api/v1/todos/1`, {
    headers: { "if-none-match": first.headers().etag ?? "" },
  });
  await api.get(`${site}/api/v1/http/status/404`);
  await api.get(`${site}/api/v1/http/delay/10`);
  const panel = page.getByTestId("check-work");
  await panel.getByRole("button", { name: "Check my work" }).click();
  await patient(panel.getByText("✓ Lesson done")).toBeVisible();
}

for (const host of HOSTS) {
  test(`reached as ${host}, a console's "Why this happens" links keep the sandbox and the progress`, async ({
    page,
    baseURL,
  }) => {
    test.slow(); // Five page loads and a lesson's worth of requests.
    const site = siteAt(baseURL, host);
    await page.goto(`${site}/learn/http-and-rest`);

    // A path the proxy turns away (malformed escape): the first send makes the sandbox.
    const panel = new ConsolePanel(page.getByTestId("console").first());
    await panel.request("GET", "/api/v1/todos/%zz");
    await panel.send();
    await patient(panel.status()).toHaveText(/^400/);
    const key = await sandboxKey(page.request, site);
    await finishHttpAndRest(page, site);

    // A route's own problem (validation, explained by the next lesson): a full page load.
    await followWhy(page, "POST", "/api/v1/todos", { title: "" });
    await expect(page).toHaveURL(`${site}/learn/todo-api#422-unprocessable-content`);

    // And back through the proxy's problem, explained by the first lesson.
    await followWhy(page, "GET", "/api/v1/todos/%zz");
    await expect(page).toHaveURL(`${site}/learn/http-and-rest#400-bad-request`);
    await patient(page.getByTestId("check-work").getByText("✓ Lesson done")).toBeVisible();
    await page.goto(`${site}/`);
    await patient(page.getByTestId("lesson-done-http-and-rest")).toBeVisible();

    await page.goto(`${site}/sandbox`);
    await page.getByRole("button", { name: "Reveal" }).click();
    await patient(page.getByTestId("sandbox-key")).toHaveText(key);
  });

  test(`reached as ${host}, every problem type names that host`, async ({ request, baseURL }) => {
    const site = siteAt(baseURL, host);
    const answers = [
      // The route kit: no key.
      await request.get(`${site}/api/v1/todos`),
      // proxy.ts: a malformed percent-escape.
      await request.get(`${site}/api/v1/todos/%zz`),
      // The server guard: a method no route implements.
      await request.fetch(`${site}/api/v1/todos`, { method: "PROPFIND" }),
      // A client cannot move the links elsewhere: TRUST_PROXY is none here.
      await request.get(`${site}/api/v1/todos/%zz`, {
        headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      }),
    ];
    const statuses = answers.map((res) => res.status());
    expect(statuses).toEqual([401, 400, 501, 400]);
    for (const res of answers) {
      expect(res.headers()["content-type"]).toContain("application/problem+json");
      expect((await res.json()).type).toMatch(new RegExp(`^${site.replaceAll(".", "\\.")}/learn/`));
    }
  });

  test(`reached as ${host}, the sandbox page's curl line uses that host`, async ({
    page,
    baseURL,
  }) => {
    const site = siteAt(baseURL, host);
    // Headers a browser never sends on its own; without a trusted proxy they mean nothing.
    await page.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example" });
    await page.goto(`${site}/sandbox`);
    await page.getByRole("button", { name: "Create my sandbox" }).click();
    await page.getByRole("button", { name: "Reveal" }).click();
    const key = (await page.getByTestId("sandbox-key").textContent())?.trim();
    await expect(page.getByText(/^curl -i /)).toHaveText(
      `curl -i ${site}/api/v1/todos -H "X-Sandbox-Key: ${key}"`,
    );
  });
}
