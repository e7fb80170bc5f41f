import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { type Example, fillHeaders } from "@/content/examples";
import { lessons } from "@/content/lessons";
import { expect, test } from "./fixtures";

async function replay(
  request: APIRequestContext,
  name: string,
  example: Example,
  key: string,
  seen: Map<string, Headers>,
) {
  const url = new URL(example.path, "http://placeholder");
  for (const [k, v] of Object.entries(example.query ?? {})) url.searchParams.set(k, v);
  const res = await request.fetch(`${url.pathname}${url.search}`, {
    method: example.method,
    headers: {
      ...(example.body !== undefined ? { "content-type": "application/json" } : {}),
      ...fillHeaders(example, seen),
      "x-sandbox-key": key,
    },
    data: example.body === undefined ? undefined : JSON.stringify(example.body),
    maxRedirects: 0,
  });
  seen.set(name, new Headers(res.headers()));
  const text = await res.text();
  expect(res.status(), `${name}: ${example.method} ${example.path}\n${text}`).toBe(
    example.expect.status,
  );
  for (const [header, expected] of Object.entries(example.expect.headers ?? {})) {
    const actual = res.headers()[header.toLowerCase()];
    expect(actual, `${name}: header ${header}`).toBeDefined();
    if (typeof expected === "string") {
      expect(actual?.toLowerCase(), `${name}: header ${header}`).toContain(expected.toLowerCase());
    }
  }
  if (example.expect.body !== undefined) {
    const body = res.headers()["content-type"]?.includes("json") ? JSON.parse(text) : text;
    if (typeof example.expect.body === "string") expect(body, name).toContain(example.expect.body);
    else expect(body, name).toMatchObject(example.expect.body as Record<string, unknown>);
  }
}

// Each lesson's examples tell one story on a fresh sandbox, so they replay in order, one named
// test each, against the production build.
for (const lesson of lessons) {
  const { slug } = lesson.meta;
  test.describe
    .serial(`/learn/${slug} examples, in order, on a fresh sandbox`, () => {
      let request: APIRequestContext;
      let key = "";
      const seen = new Map<string, Headers>();

      test.beforeAll(async ({ baseURL }) => {
        request = await playwrightRequest.newContext({ baseURL });
        const created = await request.post("/api/sandbox");
        expect(created.status()).toBe(201);
        key = created.headers()["x-sandbox-key"] ?? "";
        expect(key).toMatch(/^sbx_/);
      });

      test.afterAll(async () => {
        await request.dispose();
      });

      for (const [name, example] of Object.entries(lesson.examples)) {
        test(`${name}: ${example.method} ${example.path} answers ${example.expect.status}`, async () => {
          await replay(request, name, example, key, seen);
        });
      }
    });

  test(`/learn/${slug} renders one console per example`, async ({ page }) => {
    await page.goto(`/learn/${slug}`);
    await expect(page.getByTestId("console")).toHaveCount(Object.keys(lesson.examples).length);
  });
}
