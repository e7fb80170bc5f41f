import { randomBytes } from "node:crypto";
import path from "node:path";
import mdx from "@mdx-js/rollup";
import { defineConfig } from "vitest/config";
import { generateLessonRegistry } from "./lib/lessons/generate-registry.mjs";
import { mdxOptions } from "./lib/mdx/options";

generateLessonRegistry();

// One Redis key prefix per run; tests/global-setup.ts deletes its keys afterwards.
process.env.REDIS_KEY_PREFIX ??= `bmj-test-${randomBytes(4).toString("hex")}`;

export default defineConfig({
  // Lessons compile exactly as in the app, so tests use the real registry (content/lessons.ts).
  plugins: [{ enforce: "pre", ...mdx({ ...mdxOptions, providerImportSource: undefined }) }],
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Each file gets its own process and, without DATABASE_URL, its own in-memory PGlite.
    pool: "forks",
    env: {
      NODE_ENV: "test",
      PGLITE_DIR: "memory://",
      REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX,
      // Handlers are called in-process with no socket: tests play one proxy in front of the app,
      // naming the client in X-Forwarded-For (and the scheme in X-Forwarded-Proto).
      TRUST_PROXY: "1",
    },
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // bundled by Vite instead, it resolves as it does in the app.
    server: { deps: { inline: ["next-auth"] } },
    setupFiles: ["tests/setup.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
