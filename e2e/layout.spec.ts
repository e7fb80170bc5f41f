import type { APIRequestContext, Page } from "@playwright/test";
import { nextStepLink } from "@/components/roadmap/next-step";
import { findLesson, lessons } from "@/content/lessons";
import { stepAfter, stepFor } from "@/content/next-step";
import { passAllExercises, passQuizzes } from "./exercises";
import { expect, test } from "./fixtures";

// Lesson pages are long (tens of thousands of pixels on a phone): give a scroll through one time.
test.describe.configure({ timeout: 120_000 });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const LESSON_PATHS = lessons.map((lesson) => `/learn/${lesson.meta.slug}`);

/**
 * Scrolls through the whole page, so lazy parts are drawn: a console loads when it comes within
 * a screen of the viewport (components/console/near-viewport.ts), so two screens a step do.
 */
async function scrollThrough(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = 2 * (page.viewportSize()?.height ?? 800);
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
  }
}

/**
 * Everything on the page that scrolls sideways: the page itself, then code blocks and diagrams.
 * Code blocks off screen are not laid out (content-visibility, app/globals.css), so they would
 * measure as fitting: every one is drawn for the measurement.
 */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const drawAll = document.createElement("style");
    drawAll.textContent = ".render-lazily { content-visibility: visible !important; }";
    document.head.append(drawAll);
    const found: string[] = [];
    const root = document.scrollingElement;
    if (root && root.scrollWidth > root.clientWidth) {
      found.push(`the page: ${root.scrollWidth} px wide in ${root.clientWidth}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>(
      "pre, [data-testid=diagram], [data-testid=request-log]",
    )) {
      if (el.scrollWidth > el.clientWidth + 1) {
        const text = (el.textContent ?? "").replace(/\s+/g, " ").slice(0, 60);
        found.push(`${el.tagName.toLowerCase()} ${el.scrollWidth}/${el.clientWidth}: ${text}`);
      }
    }
    drawAll.remove();
    return found;
  });
}

/** A sandbox for the page's browser context, its key returned: the cookie comes with the answer. */
async function createSandbox(request: APIRequestContext): Promise<string> {
  const created = await request.post("/api/sandbox");
  expect(created.status()).toBe(201);
  return created.headers()["x-sandbox-key"] ?? "";
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  for (const path of ["/", "/learn", ...LESSON_PATHS, "/sandbox", "/reference"]) {
    test(`${path} scrolls sideways nowhere: not the page, a code block, a diagram or the log`, async ({
      page,
    }) => {
      await createSandbox(page.request);
      // Long paths and queries, as a learner's log has them.
      await page.request.get("/api/v1/todos", {
        params: { limit: "2", page: "1", sort: "-createdAt", q: "a rather long search for milk" },
      });
      await page.request.get("/api/v1/http/echo?name=ada&language=typescript&x=1&y=2&z=3");
      await page.request.get("/api/v1/http/status/418");
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      if (path === "/sandbox") await expect(page.getByTestId("request-log-row")).toHaveCount(3);
      await scrollThrough(page);
      expect(await sidewaysScrollers(page)).toEqual([]);
    });
  }

  test("the 404 page does not scroll sideways", async ({ page }) => {
    const missing = await page.goto("/learn/no-such-lesson");
    expect(missing?.status()).toBe(404);
    expect(await sidewaysScrollers(page)).toEqual([]);
  });

  test("the request log gives a long path the row's width, not a narrow column", async ({
    page,
  }) => {
    await createSandbox(page.request);
    await page.request.get("/api/v1/todos", {
      params: { limit: "2", page: "1", sort: "-createdAt", q: "milk" },
    });
    await page.goto("/sandbox");
    const row = page.getByTestId("request-log-row").filter({ hasText: "sort=-createdAt" });
    await expect(row).toBeVisible();
    const path = row.locator("code");
    const box = await path.boundingBox();
    // Before: squeezed between four other columns, the path wrapped a character or two a line.
    expect(box?.width).toBeGreaterThan(PHONE.width / 2);
    const lineHeight = await path.evaluate((el) =>
      Number.parseFloat(getComputedStyle(el).lineHeight),
    );
    expect((box?.height ?? 0) / lineHeight).toBeLessThanOrEqual(2.5);
    await expect(row).toContainText("200");
  });

  test("the header keeps every link", async ({ page }) => {
    await page.goto("/learn/todo-api");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Roadmap" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Sandbox" })).toBeVisible();
  });

  test("the contents bar stays on screen, names the section being read, and reaches its end", async ({
    page,
  }) => {
    await page.goto("/learn/http-and-rest");
    const toc = page.getByRole("navigation", { name: "On this page" });
    await expect(toc).toHaveCount(1);
    const bar = toc.getByRole("button", { name: /On this page/ });

    // Reading "Status codes": its heading has just gone under the bar.
    await page.evaluate(() => {
      const heading = document.getElementById("status-codes");
      if (heading) window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 60);
    });
    await expect(bar).toBeInViewport();
    await expect(bar).toContainText("Status codes");

    await bar.click();
    const last = toc.getByRole("link").last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await last.click();
    await expect(page).toHaveURL(/#next-step$/);
    await expect(toc.getByRole("link").first()).toBeHidden();
    await expect(page.getByRole("heading", { name: "What's next" })).toBeInViewport();
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: DESKTOP });

  for (const path of ["/", ...LESSON_PATHS, "/sandbox", "/reference"]) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await createSandbox(page.request);
      await page.request.get("/api/v1/http/echo?name=ada&language=typescript&x=1&y=2&z=3");
      await page.goto(path);
      await scrollThrough(page);
      expect(await sidewaysScrollers(page)).toEqual([]);
    });
  }

  test("the contents follow the reader: the current section is marked, and the last entry is reachable", async ({
    page,
  }) => {
    await page.goto("/learn/http-and-rest");
    const toc = page.getByRole("navigation", { name: "On this page" });
    await expect(toc).toHaveCount(1);
    const current = toc.locator('a[aria-current="location"]');

    await toc.getByRole("link", { name: "Content negotiation", exact: true }).click();
    await expect(current).toHaveText("Content negotiation");

    // Reading on, by scrolling (not by the contents): the mark follows.
    await page.evaluate(() => {
      const heading = document.getElementById("status-codes");
      if (heading) window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 60);
    });
    await expect(current).toHaveText("Status codes");
    await expect(current).toBeInViewport();

    // At the bottom of the page, the last entry is marked and on screen, not cut off.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = toc.getByRole("link").last();
    await expect(last).toHaveAttribute("aria-current", "location");
    await expect(last).toBeInViewport();
  });
});

// One test per lesson and size, so the two workers share them (a loop over 17 lessons in one test
// outgrew its time limit on a busy machine).
for (const viewport of [DESKTOP, PHONE]) {
  for (const path of LESSON_PATHS) {
    test(`${path}: the first console and Check my work are within reach at ${viewport.width}×${viewport.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(viewport);
      await page.goto(path);
      // The first console's Send (a SQL console's Run, a code exercise's Run; in the support
      // agent's chat, the first thing to press: "Log in as …"; in a quiz, "Check answers") is
      // within the first two screens, without scrolling.
      const first = page
        .locator(
          '[data-testid="console"], [data-testid="support-chat"], [data-testid="exercise"], [data-testid="quiz"]',
        )
        .first();
      const send = first
        .getByRole("button", { name: /^(Send|Run|Log in as|Check answers)/ })
        .first();
      await expect(send).toBeVisible();
      const box = await send.boundingBox();
      expect((box?.y ?? 0) + (box?.height ?? 0), path).toBeLessThanOrEqual(2 * viewport.height);

      // Check my work is one click from the top.
      const jump = page.getByTestId("jump-to-check");
      await expect(jump).toBeInViewport();
      await jump.click();
      await expect(page.getByRole("heading", { name: "Check my work" })).toBeInViewport();
    });
  }
}

test("each lesson ends with its next step", async ({ page }) => {
  for (const lesson of lessons) {
    const { slug } = lesson.meta;
    await page.goto(`/learn/${slug}`);
    const end = page.getByRole("navigation", { name: "What's next" });
    const step = stepAfter(slug);
    if (step.kind === "lesson") {
      const card = end.getByTestId("next-lesson");
      await expect(card).toContainText(step.lesson.meta.title);
      await expect(card).toHaveAttribute("href", `/learn/${step.lesson.meta.slug}`);
    } else if (step.kind === "upcoming") {
      const coming = end.getByTestId("next-upcoming");
      await expect(coming).toContainText(step.lesson.title);
      await expect(coming).toContainText("not written yet");
      await expect(coming.getByRole("link", { name: "API reference" })).toBeVisible();
    } else {
      await expect(end.getByTestId("next-finished")).toBeVisible();
    }
  }
});

/** The lessons `finishLessons` knows how to finish (a lesson written later is not done by it). */
const FINISHED = ["language-fundamentals", "http-and-rest", "todo-api"];

/** Does what the checks of these lessons ask, then runs them. */
async function finishLessons(request: APIRequestContext) {
  await passAllExercises(request);
  await passQuizzes(request, findLesson("language-fundamentals")?.quizzes ?? []);
  await request.post("/api/v1/http/echo", { data: { hello: "world" } });
  await request.get("/api/v1/http/echo", { headers: { accept: "image/png" } });
  const first = await request.get("/api/v1/todos/1");
  const etag = first.headers().etag ?? "";
  await request.get("/api/v1/todos/1", { headers: { "if-none-match": etag } });
  await request.get("/api/v1/http/status/404");
  await request.get("/api/v1/http/delay/10");

  const created = await request.post("/api/v1/todos", { data: { title: "Mine" } });
  expect(created.status()).toBe(201);
  const mine = created.headers().location ?? "";
  await request.get("/api/v1/todos", { params: { limit: "2" } });
  await request.post("/api/v1/todos", { data: { title: "" } });
  const read = await request.get(mine);
  const patch = { "content-type": "application/merge-patch+json" };
  const done = await request.patch(mine, {
    headers: { ...patch, "if-match": read.headers().etag ?? "" },
    data: JSON.stringify({ done: true }),
  });
  expect(done.status()).toBe(200);
  const stale = await request.patch(mine, {
    headers: { ...patch, "if-match": read.headers().etag ?? "" },
    data: JSON.stringify({ title: "Mine, again" }),
  });
  expect(stale.status()).toBe(412);

  for (const slug of FINISHED) {
    const check = await request.post(`/api/progress/${slug}/check`);
    expect(check.status(), slug).toBe(200);
    expect((await check.json()).passed, slug).toBe(true);
  }
}

test("the roadmap says Start, then Continue with the next lesson, then what comes next", async ({
  page,
}) => {
  const hero = page.getByTestId("hero-next");
  const roadmap = page.getByTestId("roadmap-next");
  const [first] = lessons;
  if (!first) throw new Error("no lesson is written");

  await page.goto("/");
  await expect(hero).toHaveText(`Start: ${first.meta.title}`);

  await createSandbox(page.request);
  await page.reload();
  await expect(hero).toHaveText(`Continue: ${first.meta.title}`);
  await expect(roadmap).toHaveText(`Continue: ${first.meta.title}`);

  await finishLessons(page.request);
  await page.reload();
  const next = nextStepLink(stepFor(new Set(FINISHED)), true);
  if (!next) throw new Error("the roadmap plans more lessons than are written");
  await expect(hero).toContainText(`${next.verb}: ${next.title}`);
  await expect(roadmap).toHaveText(`${next.verb}: ${next.title}`);
  for (const slug of FINISHED) await expect(page.getByTestId(`lesson-done-${slug}`)).toBeVisible();
  // With every written lesson done, the hero also says what to do meanwhile.
  if (next.verb === "Coming next") {
    await expect(hero).toContainText("You have done every lesson written so far");
    await expect(page.getByRole("link", { name: /mini-projects/ })).toBeVisible();
  }
});

test("after the first lesson, the roadmap continues with the second", async ({ page }) => {
  const [first, second] = lessons;
  if (!first || !second) throw new Error("needs two written lessons");
  expect(first.meta.slug, "finished below by passing its exercises").toBe("language-fundamentals");
  await createSandbox(page.request);
  await passAllExercises(page.request);
  await passQuizzes(page.request, first.quizzes);
  const check = await page.request.post(`/api/progress/${first.meta.slug}/check`);
  expect((await check.json()).passed).toBe(true);

  await page.goto("/");
  await expect(page.getByTestId("hero-next")).toHaveText(`Continue: ${second.meta.title}`);
  await expect(page.getByTestId("roadmap-next")).toHaveText(`Continue: ${second.meta.title}`);
  await expect(page.getByTestId(`lesson-link-${second.meta.slug}`)).toContainText("Up next");
});

test("the hero's still of a console offers no Send button", async ({ page }) => {
  await page.goto("/");
  const hero = page.getByRole("region", { name: /Learn the backend/ });
  await expect(hero.getByRole("button")).toHaveCount(0);
  await expect(hero.getByText("Send", { exact: true })).toHaveCount(0);
  await expect(hero.getByRole("link", { name: "Send it yourself" })).toHaveAttribute(
    "href",
    "/learn/todo-api#try-it-now",
  );
});
