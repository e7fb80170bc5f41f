import { sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { lessons, loadLessonPage } from "@/content/lessons";
import { plannedLessons } from "@/content/roadmap";
import { getDb } from "@/db";
import { supportTokenUsage } from "@/db/schema/genai";
import { lessonProgress, requestLog, sandboxCounter } from "@/db/schema/sandboxes";
import { isProblemKind } from "@/lib/http/problem";
import { createSandbox, resetSandbox } from "@/lib/sandbox/lifecycle";

/** Tables of the portal itself that hold per-sandbox rows. */
// Kept through a reset, like the request log: the support agent's hourly token usage (a reset must
// not give a sandbox its token budget back).
const CORE = [requestLog, lessonProgress, sandboxCounter, supportTokenUsage].map(
  (t) => getTableConfig(t).name,
);
const lessonTables = () =>
  lessons.flatMap((lesson) => (lesson.data?.tables ?? []).map((t) => getTableConfig(t).name));

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await (await getDb()).execute(statement);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function tablesWithSandboxId(): Promise<string[]> {
  const rows = await query<{ table_name: string }>(sql`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'sandbox_id' order by table_name`);
  return rows.map((r) => r.table_name);
}

describe("the lesson registry", () => {
  it("holds the written lessons in the roadmap's order, each in its own folder", () => {
    const planned = plannedLessons().map((p) => p.slug);
    const slugs = lessons.map((l) => l.meta.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(2);
    expect([...slugs].sort((a, b) => planned.indexOf(a) - planned.indexOf(b))).toEqual(slugs);
  });

  it("takes month and weeks from the roadmap", () => {
    for (const lesson of lessons) {
      const plan = plannedLessons().find((p) => p.slug === lesson.meta.slug);
      expect(lesson.meta).toMatchObject({ month: plan?.month, weeks: plan?.weeks });
    }
  });

  it("gives every lesson at least four checks with unique ids, titles and hints", () => {
    for (const lesson of lessons) {
      expect(lesson.checks.length, lesson.meta.slug).toBeGreaterThanOrEqual(4);
      const ids = lesson.checks.map((c) => c.id);
      expect(new Set(ids).size, lesson.meta.slug).toBe(ids.length);
      for (const check of lesson.checks) {
        expect(check.title.length).toBeGreaterThan(10);
        expect(check.hint.length).toBeGreaterThan(10);
      }
    }
  });

  it("points every explained problem at a heading its page really has", async () => {
    for (const lesson of lessons) {
      const page = await loadLessonPage(lesson.meta.slug);
      const anchors = new Set(page?.toc.map((entry) => entry.id));
      for (const [kind, anchor] of Object.entries(lesson.explains)) {
        expect(isProblemKind(kind), kind).toBe(true);
        expect(anchors.has(anchor as string), `${lesson.meta.slug}#${anchor} (${kind})`).toBe(true);
      }
    }
  }, 120_000);

  it("shows only requests to operations some lesson declares", () => {
    const operations = lessons.flatMap((lesson) => lesson.api);
    const portal = [/^\/api\/sandbox(\/|$)/, /^\/api\/progress\//, /^\/api\/health$/];
    for (const lesson of lessons) {
      for (const [name, example] of Object.entries(lesson.examples)) {
        const path = example.path.split("?")[0] ?? "";
        if (portal.some((re) => re.test(path))) continue;
        const declared = operations.some(
          (op) =>
            (op.method === example.method || (example.method === "HEAD" && op.method === "GET")) &&
            new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
        );
        const known =
          declared ||
          example.method === "OPTIONS" ||
          example.expect.status === 405 ||
          example.expect.status === 404;
        expect(known, `${lesson.meta.slug}: ${name} ${example.method} ${path}`).toBe(true);
      }
    }
  });

  it("sends, in every example meant to succeed, a request its operation's contract accepts", () => {
    const operations = lessons.flatMap((lesson) => lesson.api);
    for (const lesson of lessons) {
      for (const [name, example] of Object.entries(lesson.examples)) {
        if (example.expect.status >= 300) continue;
        const path = example.path.split("?")[0] ?? "";
        const operation = operations.find(
          (op) =>
            op.method === example.method &&
            new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
        );
        if (!operation) continue;
        const label = `${lesson.meta.slug}: ${name}`;
        if (operation.body && example.body !== undefined)
          expect(operation.body.safeParse(example.body).error?.issues, label).toBeUndefined();
        if (operation.query) {
          const query = {
            ...Object.fromEntries(new URLSearchParams(example.path.split("?")[1] ?? "")),
            ...example.query,
          };
          expect(operation.query.safeParse(query).error?.issues, label).toBeUndefined();
        }
      }
    }
  });
});

describe("sandbox data", () => {
  it("lives only in tables that cascade on sandbox delete and that a lesson or the portal declares", async () => {
    const rows = await query<{ table: string; deletes: string }>(sql`
      select c.conrelid::regclass::text as "table", c.confdeltype as "deletes"
      from pg_constraint c
      where c.contype = 'f' and c.confrelid = 'sandbox'::regclass`);
    const withColumn = await tablesWithSandboxId();
    for (const table of withColumn) {
      const fk = rows.find((r) => r.table === table);
      expect(fk, `${table} has a sandbox_id but no foreign key to sandbox`).toBeDefined();
      expect(fk?.deletes, `${table} must be ON DELETE CASCADE ('c')`).toBe("c");
    }
    expect(withColumn.sort()).toEqual([...CORE, ...lessonTables()].sort());
  });

  it("is exactly the fresh seed again after a reset, in every lesson table", async () => {
    const db = await getDb();
    const countIn = async (table: string, sandboxId: string) =>
      (
        await query<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table)} where sandbox_id = ${sandboxId}`,
        )
      )[0]?.n;
    const fresh = await createSandbox();
    const used = await createSandbox();
    // Change the used sandbox's data beyond its seed (the lesson tests do the rest per table).
    await db.execute(
      sql`insert into todo (id, sandbox_id, title) values (900, ${used.id}, 'extra')`,
    );
    await resetSandbox({ sandboxId: used.id });
    for (const table of lessonTables()) {
      expect(await countIn(table, used.id), table).toBe(await countIn(table, fresh.id));
    }
  });
});
