import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Each file gets its own process and, without DATABASE_URL, its own in-memory PGlite.
    pool: "forks",
    env: { NODE_ENV: "test", PGLITE_DIR: "memory://" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
