import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { DATASET_COUNTS } from "@/lib/sql-console/dataset";
import { pgliteBackend, snapshotFile } from "@/lib/sql-console/pglite-backend";

// The embedded console database keeps the generated teaching dataset on disk, so the next
// process (a dev server restart, the next test file) starts from it instead of generating it.
const dir = mkdtempSync(path.join(tmpdir(), "bmj-sql-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function countPlays(backend: ReturnType<typeof pgliteBackend>) {
  const session = await backend.acquire();
  try {
    const result = await session.run("select count(*)::text as n from music.plays");
    return result.rows[0]?.[0];
  } finally {
    await session.release(false);
  }
}

test("keeps the generated dataset for the next process, which answers the same", async () => {
  const file = snapshotFile(dir);
  expect(existsSync(file)).toBe(false);
  expect(await countPlays(pgliteBackend({ snapshotDir: dir }))).toBe(String(DATASET_COUNTS.plays));
  expect(existsSync(file)).toBe(true);
  // A new backend, as in a new process: it loads the kept copy.
  expect(await countPlays(pgliteBackend({ snapshotDir: dir }))).toBe(String(DATASET_COUNTS.plays));
}, 180_000);

test("drops a damaged copy and generates the dataset again, without failing the script", async () => {
  const file = snapshotFile(dir);
  writeFileSync(file, "not a data directory");
  expect(await countPlays(pgliteBackend({ snapshotDir: dir }))).toBe(String(DATASET_COUNTS.plays));
  // The damaged file was replaced by a good copy.
  expect(await countPlays(pgliteBackend({ snapshotDir: dir }))).toBe(String(DATASET_COUNTS.plays));
}, 180_000);

test("names the copy after the dataset and PGlite's version, so a changed one is never loaded", () => {
  expect(path.basename(snapshotFile(dir))).toMatch(/^bmj-sql-dataset-[0-9a-f]{16}\.tar$/);
  expect(snapshotFile(dir)).toBe(snapshotFile(dir));
});
