import type { APIRequestContext } from "@playwright/test";
import type { Example } from "@/content/examples";
import { examples as httpExamples } from "@/content/lessons/http-and-rest/examples";
import { examples as todoExamples } from "@/content/lessons/todo-api/examples";
import { expect, test } from "./fixtures";

const lessons: Record<string, Record<string, Example>> = {
  "http-and-rest": httpExamples,
  "todo-api": todoExamples,
};

async function replay(request: APIRequestContext, name: string, example: Example, key: string) {
  const url = new URL(example.path, "http://placeholder");
  for (const [k, v] of Object.entries(example.query ?? {})) url.searchParams.set(k, v);
  const res = await request.fetch(`${url.pathname}${url.search}`, {
    method: example.method,
    headers: {
      ...(example.body !== undefined ? { "content-type": "application/json" } : {}),
      ...example.headers,
      "x-sandbox-key": key,
    },
    data: example.body === undefined ? undefined : JSON.stringify(example.body),
    maxRedirects: 0,
  });
  expect(res.status(), `${name}: ${example.method} ${example.path}`).toBe(example.expect.status);
  for (const [header, expected] of Object.entries(example.expect.headers ?? {})) {
    const actual = res.headers()[header.toLowerCase()];
    expect(actual, `${name}: header ${header}`).toBeDefined();
    if (typeof expected === "string") {
      expect(actual?.toLowerCase(), `${name}: header ${header}`).toContain(expected.toLowerCase());
    }
  }
  if (example.expect.body !== undefined) {
    const text = await res.text();
    const body = res.headers()["content-type"]?.includes("json") ? JSON.parse(text) : text;
    if (typeof example.expect.body === "string") expect(body, name).toContain(example.expect.body);
    else expect(body, name).toMatchObject(example.expect.body as Record<string, unknown>);
  }
}

for (const [slug, examples] of Object.entries(lessons)) {
  test(`every example of /learn/${slug} answers as the lesson says, in order, on a fresh sandbox`, async ({
    request,
    page,
  }) => {
    const created = await request.get("/api/sandbox");
    const key = created.headers()["x-sandbox-key"];
    expect(key).toMatch(/^sbx_/);
    for (const [name, example] of Object.entries(examples)) {
      await replay(request, name, example, key as string);
    }
    // And the page renders one console per example.
    await page.goto(`/learn/${slug}`);
    await expect(page.getByTestId("console")).toHaveCount(Object.keys(examples).length);
  });
}
