import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as createTodo, GET as listTodos } from "@/app/api/v1/(todo-api)/todos/route";
import { getDb } from "@/db";
import { DATASET_COUNTS } from "@/lib/sql-console/dataset";
import { RESOURCE_CODES, TIMEOUT_CODE } from "@/lib/sql-console/session";
import { call, newSandboxKey } from "../harness";
import { type Attack, attacks } from "./attack-corpus";
import { runSql, sendSql } from "./support";

const onPostgres = Boolean(process.env.DATABASE_URL);
const MARKER = `marker-${crypto.randomUUID()}`;
let key: string;
let todoCount: number;

/** What a fresh request must still see after any attack: the dataset whole, nothing left behind. */
async function expectUntouched() {
  const [plays, persisted, fn, todos, marker] = await runSql(
    key,
    [
      "select count(*) from music.plays",
      "select to_regclass('workspace.persist')::text",
      "select count(*) from pg_proc where proname in ('f', 'r', 'p') and pronamespace = 'workspace'::regnamespace",
      "select count(*) from todos",
      `select count(*) from todos where title = '${MARKER}'`,
    ].join(";\n"),
  );
  expect(plays?.rows).toEqual([[String(DATASET_COUNTS.plays)]]);
  expect(persisted?.rows).toEqual([[null]]);
  expect(fn?.rows).toEqual([["0"]]);
  expect(todos?.rows).toEqual([[String(todoCount)]]);
  expect(marker?.rows).toEqual([["0"]]);
}

beforeAll(async () => {
  // Another learner's row, which no script of this one may ever see.
  const other = await newSandboxKey();
  const res = await call(listTodos, "/api/v1/todos", {}, { key: other });
  expect(res.status).toBe(200);
  const created = await call(
    createTodo,
    "/api/v1/todos",
    {},
    {
      method: "POST",
      key: other,
      body: { title: MARKER },
    },
  );
  expect(created.status).toBe(201);
  key = await newSandboxKey();
  const [count] = await runSql(key, "select count(*) from todos");
  todoCount = Number(count?.rows[0]?.[0]);
}, 180_000);

afterAll(() => {
  // The corpus and its results, for the report: one line each.
  console.info(`attack corpus on ${onPostgres ? "Postgres" : "PGlite"}: ${attacks.length} attacks`);
});

describe(`the attack corpus (${onPostgres ? "Postgres" : "PGlite"})`, () => {
  test.each(attacks.map((a) => [a.name, a] as [string, Attack]))(
    "%s fails safely",
    async (_name, attack) => {
      const res = await sendSql(key, attack.sql);
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(text).not.toContain(MARKER);
      // Postgres' messages about the learner's SQL are the point; the server's insides are not.
      expect(text).not.toMatch(/\bat .+\(.*:\d+:\d+\)|\n\s+at |node_modules|127\.0\.0\.1/);
      expect(text).not.toContain(process.cwd());
      for (const secret of attack.mustNotContain ?? []) expect(text).not.toContain(secret);
      const { results } = JSON.parse(text) as {
        results: { error?: { message: string; code?: string }; rows: unknown[] }[];
      };
      const last = results.at(-1);
      const outcome = last?.error
        ? last.error.code === TIMEOUT_CODE ||
          (onPostgres && RESOURCE_CODES.includes(last.error.code ?? ""))
          ? "times-out"
          : last.error.code
            ? "fails"
            : "refused"
        : "ran";
      console.info(
        `[${onPostgres ? "postgres" : "pglite"}] ${attack.name}: ${outcome}${last?.error ? ` — ${last.error.message.slice(0, 120)}` : ""}`,
      );
      if (attack.expect === "contained") {
        if (attack.noRows) expect(last?.rows).toEqual([]);
      } else {
        expect(outcome, JSON.stringify(last?.error)).toBe(
          onPostgres ? attack.expect : (attack.onPglite ?? attack.expect),
        );
      }
      await expectUntouched();
      if (onPostgres) {
        // Nothing held on the shared server after the request: no advisory lock, no prepared
        // transaction.
        const db = await getDb();
        const rows = (await db.execute(
          sql`select (select count(*) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database()))::int as locks, (select count(*) from pg_prepared_xacts)::int as prepared`,
        )) as unknown as { locks: number; prepared: number }[];
        expect(rows[0]).toEqual({ locks: 0, prepared: 0 });
      }
    },
    30_000,
  );
});

describe("a runaway statement", () => {
  test("is stopped at the limit while the app answers other requests", async () => {
    const order: string[] = [];
    const script = sendSql(key, "select count(*) from generate_series(1, 3e8)").then(
      async (res) => {
        order.push("sql");
        return res;
      },
    );
    const todos = await call(listTodos, "/api/v1/todos", {}, { key });
    order.push("todos");
    expect(todos.status).toBe(200);
    const res = await script;
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as {
      results: { error?: { code?: string; message: string } }[];
    };
    const error = results[0]?.error;
    // Stopped at the time limit, or on Postgres at the temporary-file limit when that comes first.
    if (error?.code === TIMEOUT_CODE) expect(error.message).toMatch(/2 s/);
    else expect(onPostgres && RESOURCE_CODES.includes(error?.code ?? "")).toBe(true);
    expect(order).toEqual(["todos", "sql"]);
    // And the console works again right after.
    const [after] = await runSql(key, "select 1 as one");
    expect(after?.rows).toEqual([[1]]);
  }, 60_000);
});
