import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { lessons } from "@/content/lessons";
import {
  describeReplay,
  replayExample,
  type Send,
  type Variables,
} from "@/tests/support/replay-examples";
import { expect, test } from "./fixtures";

// Each lesson's examples tell one story on a fresh sandbox, so they replay in order, one named
// test each, against the production build.
for (const lesson of lessons) {
  const { slug } = lesson.meta;
  test.describe
    .serial(`/learn/${slug} examples, in order, on a fresh sandbox`, () => {
      let request: APIRequestContext;
      let key = "";
      const variables: Variables = new Map();
      const send: Send = async ({ method, url, headers, body }) => {
        const res = await request.fetch(url, {
          method,
          headers: { ...Object.fromEntries(headers), "x-sandbox-key": key },
          data: body ?? undefined,
          maxRedirects: 0,
        });
        const pairs = res.headersArray().map(({ name, value }): [string, string] => [name, value]);
        return { status: res.status(), headers: pairs, body: await res.text() };
      };

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
          const replayed = await replayExample(name, example, variables, send);
          expect(replayed.differences, describeReplay(name, replayed)).toEqual([]);
        });
      }
    });

  test(`/learn/${slug} renders one console per example`, async ({ page }) => {
    await page.goto(`/learn/${slug}`);
    await expect(page.getByTestId("console")).toHaveCount(Object.keys(lesson.examples).length);
  });
}
