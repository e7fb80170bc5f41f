import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// A separate database folder per port, so two runs (two checkouts) never share one.
const E2E_DATA = `.data/e2e-${PORT}`;

// On this project's machines Debian's Chromium is used; elsewhere Playwright's own browser
// (`npx playwright install chromium`).
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // Two browsers and the production server share two cores, and a lesson page's first Send waits
  // for its console's code and a new sandbox: 5 s (the default) was missed there on CI.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // A production build (npm run build) on a fresh embedded database for every run.
    command: `rm -rf ${E2E_DATA} && node_modules/.bin/next start -p ${PORT}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PGLITE_DIR: E2E_DATA,
      NEXT_TELEMETRY_DISABLED: "1",
      // Every test context is a new client; let them all create sandboxes.
      SANDBOX_CREATE_LIMIT: "10000",
      // Every test signs in from 127.0.0.1.
      AUTH_ATTEMPT_LIMIT: "10000",
      // A GitHub app that does not exist: the button shows, and sign-in starts at GitHub's page
      // (which the test intercepts; nothing here reaches GitHub).
      AUTH_GITHUB_ID: "e2e-github-app",
      AUTH_GITHUB_SECRET: "e2e-not-a-secret",
    },
  },
});
