import { beforeAll } from "vitest";
import { getDb } from "@/db";

// Starting PGlite and migrating takes seconds on a busy machine: do it once per file, before the
// tests, under the hook timeout rather than inside the first test's.
beforeAll(async () => {
  await getDb();
});
