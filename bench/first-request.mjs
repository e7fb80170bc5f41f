// node bench/first-request.mjs <base URL> — a new learner's way in, timed in a real browser: land
// on the roadmap, follow the hero's link to the first lesson, press the first console's Send, and
// wait for its status. Prints the clicks and the time from landing to the first 2xx on screen.
// Runs against an already running production build; it starts no server.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2];
if (!base || !/^https?:\/\//.test(base)) {
  console.error("usage: node bench/first-request.mjs <base URL, e.g. http://127.0.0.1:3000>");
  process.exit(2);
}
const system = "/usr/bin/chromium";
const browser = await chromium.launch(
  existsSync(system)
    ? {
        executablePath: system,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      }
    : {},
);
const runs = [];
for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  const context = await browser.newContext({ viewport, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  let clicks = 0;
  const started = Date.now();
  await page.goto(base);
  await page.getByTestId("hero-next").click();
  clicks++;
  const send = page.getByRole("button", { name: "Send", exact: true }).first();
  await send.click();
  clicks++;
  await page
    .getByTestId("response-status")
    .filter({ hasText: /\b2\d\d\b/ })
    .first()
    .waitFor({ timeout: 30_000 });
  runs.push({ viewport: `${viewport.width}×${viewport.height}`, clicks, ms: Date.now() - started });
  await context.close();
}
await browser.close();
for (const r of runs)
  console.log(`${r.viewport}: ${r.clicks} clicks, ${r.ms} ms from landing to the first 2xx`);
