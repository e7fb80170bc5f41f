import type { Page } from "@playwright/test";
import type { OpenApiDocument } from "@/lib/openapi/types";
import { DOCUMENT_METHODS } from "@/lib/openapi/types";
import { expect, test } from "./fixtures";

async function openApiDocument(page: Page): Promise<OpenApiDocument> {
  const res = await page.request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/json/);
  return (await res.json()) as OpenApiDocument;
}

function operationsOf(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    DOCUMENT_METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ id: op.operationId, method: method.toUpperCase(), path }] : [];
    }),
  );
}

test("/api/openapi.json is served: an OpenAPI 3.1 document of every lesson", async ({ page }) => {
  const doc = await openApiDocument(page);
  expect(doc.openapi).toMatch(/^3\.1\./);
  expect(doc.paths["/api/v1/todos/{id}"]?.patch?.operationId).toBe("patch-api-v1-todos-id");
  expect(doc.tags.map((t) => t.externalDocs?.url)).toContain("/learn/http-and-rest");
});

test("the reference lists every operation of the document, each under its own anchor", async ({
  page,
}) => {
  const operations = operationsOf(await openApiDocument(page));
  await page.goto("/reference");
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  await expect(page.getByTestId("operation")).toHaveCount(operations.length);
  // Read every card at once: one round trip, not three per operation (there are over a hundred).
  const cards = await page.getByTestId("operation").evaluateAll((nodes) =>
    nodes.map((node) => ({
      opId: node.getAttribute("data-operation-id"),
      anchor: node.id,
      heading: node.querySelector("h3")?.textContent?.replace(/\s+/g, " ").trim(),
    })),
  );
  const expected = operations.map(({ id, method, path }) => ({
    opId: id,
    anchor: id,
    heading: `${method} ${path}`,
  }));
  expect(cards).toEqual(expect.arrayContaining(expected));
  expect(cards).toHaveLength(expected.length);
});

test("an operation's anchor lands on it, and it links back to its lesson", async ({ page }) => {
  // The reference is one long page (every lesson's operations).
  test.slow();
  await page.goto("/reference#patch-api-v1-todos-id");
  const card = page.locator("#patch-api-v1-todos-id");
  await expect(card).toBeInViewport();
  await expect(card.getByRole("table")).toContainText("id");
  await expect(card).toContainText("412");
  await card.getByRole("link", { name: "Lesson: Build a Todo API (CRUD)" }).click();
  await expect(page).toHaveURL(/\/learn\/todo-api$/, { timeout: 20_000 });
});

test("a lesson's endpoint list links to its operations in the reference", async ({ page }) => {
  test.slow();
  await page.goto("/learn/todo-api");
  await page.getByRole("link", { name: "Full API reference" }).click();
  // A client-side navigation from a large page: allow for a busy machine.
  await expect(page).toHaveURL(/\/reference#todo-api$/, { timeout: 20_000 });
  const heading = page.getByRole("heading", { level: 2, name: "Build a Todo API (CRUD)" });
  await expect(heading).toBeInViewport();
});

test("the side navigation jumps to an operation", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/reference");
  await page
    .getByRole("navigation", { name: "Operations" })
    .getByRole("link", { name: "/api/v1/http/delay/{ms}" })
    .click();
  await expect(page).toHaveURL(/#get-api-v1-http-delay-ms$/);
  await expect(page.locator("#get-api-v1-http-delay-ms")).toBeInViewport();
});

// Its axe scan, in both themes, is in e2e/a11y.spec.ts with every other page's.
