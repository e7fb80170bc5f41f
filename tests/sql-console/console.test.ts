import { beforeAll, describe, expect, test } from "vitest";
import { POST as createTodo } from "@/app/api/v1/(todo-api)/todos/route";
import {
  type PlanNode,
  runSql as runSqlOperation,
  SQL_LIMITS,
  sqlResults,
} from "@/lib/sql-console/contract";
import { DATASET_COUNTS } from "@/lib/sql-console/dataset";
import { learnerTables } from "@/lib/sql-console/tables";
import { call, expectPipelineHeaders, expectProblem, newSandboxKey } from "../harness";
import { runSql, sendSql } from "./support";

let key: string;

beforeAll(async () => {
  key = await newSandboxKey();
  const res = await call(
    createTodo,
    "/api/v1/todos",
    {},
    {
      method: "POST",
      key,
      body: { title: "Écrire du SQL" },
    },
  );
  expect(res.status).toBe(201);
  // The embedded console database generates the dataset on first use: seconds, not a test's.
  await runSql(key, "select 1");
}, 180_000);

describe("POST /api/v1/sql", () => {
  test("answers one result per statement, checked against the contract", async () => {
    const res = await sendSql(key, "select 1 as a, 2 as a;\nselect title from todos order by id");
    expect(res.status).toBe(200);
    expectPipelineHeaders(res);
    const body = sqlResults.parse(await res.json());
    expect(body.results).toHaveLength(2);
    expect(body.results[0]).toMatchObject({
      statement: "select 1 as a, 2 as a",
      position: 1,
      command: "SELECT",
      columns: [
        { name: "a", type: "int4" },
        { name: "a", type: "int4" },
      ],
      rows: [[1, 2]],
      rowCount: 1,
      truncated: false,
    });
    expect(body.results[1]).toMatchObject({ position: 24, command: "SELECT" });
    expect(body.results[1]?.rows.at(-1)).toEqual(["Écrire du SQL"]);
  });

  test("returns values as JSON: numbers, strings for int8 and numeric, ISO timestamps, NULL", async () => {
    const [r] = await runSql(
      key,
      `select 1::int2 as s, 2::int4 as i, 3::int8 as b, 1.50::numeric as n, 2.5::float8 as f, true as t,
        null::text as nothing, '{"a":[1,2]}'::jsonb as j, timestamptz '2024-03-01 12:00:00.123456+02' as tz,
        timestamp '2024-03-01 12:00:00' as ts, date '2024-03-01' as d, array[1,2,null] as arr,
        array['a b', 'c"d'] as texts, interval '1 day 2 hours' as iv, 'NaN'::float8 as nan`,
    );
    expect(r?.columns.map((c) => c.type)).toEqual([
      "int2",
      "int4",
      "int8",
      "numeric",
      "float8",
      "bool",
      "text",
      "jsonb",
      "timestamptz",
      "timestamp",
      "date",
      "_int4",
      "_text",
      "interval",
      "float8",
    ]);
    expect(r?.rows).toEqual([
      [
        1,
        2,
        "3",
        "1.50",
        2.5,
        true,
        null,
        { a: [1, 2] },
        "2024-03-01T10:00:00.123456Z",
        "2024-03-01T12:00:00",
        "2024-03-01",
        [1, 2, null],
        ["a b", 'c"d'],
        "1 day 02:00:00",
        "NaN",
      ],
    ]);
  });

  test("reports INSERT/UPDATE/DELETE counts and null for DDL", async () => {
    const results = await runSql(
      key,
      "create table t (id int primary key, name text); insert into t values (1, 'a'), (2, 'b'); update t set name = 'c' where id = 2; delete from t; select * from t",
    );
    expect(results.map((r) => [r.command, r.rowCount])).toEqual([
      ["CREATE TABLE", null],
      ["INSERT", 2],
      ["UPDATE", 1],
      ["DELETE", 2],
      ["SELECT", 0],
    ]);
  });

  test("truncates at the row limit and cuts long values", async () => {
    const [many, long] = await runSql(
      key,
      `select g from generate_series(1, ${SQL_LIMITS.rows + 20}) g; select repeat('x', ${SQL_LIMITS.valueChars + 10}) as v`,
    );
    expect(many?.rows).toHaveLength(SQL_LIMITS.rows);
    expect(many).toMatchObject({ truncated: true, rowCount: SQL_LIMITS.rows + 20 });
    expect(long?.truncated).toBe(true);
    expect(String(long?.rows[0]?.[0])).toHaveLength(SQL_LIMITS.valueChars + 1);
  });

  test("an error points into the whole script, and the statements after it do not run", async () => {
    const script = "select 1;\nselect nme from music.artists;\nselect 3";
    const results = await runSql(key, script);
    expect(results).toHaveLength(2);
    expect(results[1]?.error).toMatchObject({ code: "42703", position: script.indexOf("nme") + 1 });
    expect(results[1]?.error?.message).toMatch(/column "nme" does not exist/);
  });

  test("a syntax error is reported on its statement, after the ones before it ran", async () => {
    const script = "select 'é';\nselect from where;\nselect 3";
    const results = await runSql(key, script);
    expect(results).toHaveLength(2);
    expect(results[0]?.rows).toEqual([["é"]]);
    expect(results[1]).toMatchObject({
      position: script.indexOf("select from") + 1,
      error: { code: "42601", position: script.indexOf("where") + 1 },
    });
  });

  test("creates tables, indexes and functions and uses them in one script; none persists", async () => {
    const results = await runSql(
      key,
      `create table notes_copy as select * from todos;
       create index on notes_copy (title);
       create function double_it(n int) returns int language sql as 'select n * 2';
       select double_it(21) as answer`,
    );
    expect(results.at(-1)?.rows).toEqual([[42]]);
    const [gone] = await runSql(
      key,
      "select to_regclass('notes_copy')::text, to_regprocedure('double_it(int)')::text",
    );
    expect(gone?.rows).toEqual([[null, null]]);
  });

  test("EXPLAIN and EXPLAIN ANALYZE answer text lines and a plan tree, before and after an index", async () => {
    const [plain, before, , after] = await runSql(
      key,
      `explain select * from music.plays where listener_id = 42;
       explain analyze select * from music.plays where listener_id = 42;
       create index plays_listener on music.plays (listener_id);
       explain analyze select * from music.plays where listener_id = 42`,
    );
    expect(plain?.columns).toEqual([{ name: "QUERY PLAN", type: "text" }]);
    expect(String(plain?.rows[0]?.[0])).toMatch(/^Seq Scan on plays {2}\(cost=/);
    expect(plain?.plan).toMatchObject({
      node: "Seq Scan",
      relation: "plays",
      filter: "(listener_id = 42)",
      children: [],
    });
    expect(plain?.plan?.rowsActual).toBeUndefined();
    expect(before?.plan).toMatchObject({ node: "Seq Scan", relation: "plays", loops: 1 });
    expect(before?.plan?.rowsActual).toEqual(expect.any(Number));
    expect(before?.rows.map((r) => String(r[0]))).toContainEqual(
      expect.stringMatching(/^Execution Time: /),
    );
    const nodes = (n: PlanNode | undefined): string[] =>
      n ? [n.index ?? "", ...n.children.flatMap(nodes)] : [];
    expect(nodes(after?.plan as PlanNode | undefined)).toContain("plays_listener");
    expect(after?.plan?.rowsActual).toBe(before?.plan?.rowsActual);
    // The index went with the transaction.
    const [again] = await runSql(key, "explain select * from music.plays where listener_id = 42");
    expect(again?.plan?.node).toBe("Seq Scan");
  });

  test("EXPLAIN (FORMAT JSON) answers Postgres' JSON and the tree", async () => {
    const [r] = await runSql(key, "explain (format json) select count(*) from music.artists");
    expect(r?.plan?.node).toBe("Aggregate");
    expect(r?.columns[0]?.type).toBe("json");
  });

  test("sees the learner's tables without sandbox columns or secrets, and the dataset", async () => {
    const names = learnerTables().map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(["todos", "users", "products", "orders", "order_lines", "tickets"]),
    );
    for (const table of learnerTables())
      for (const column of table.columns)
        expect(column.name).not.toMatch(/sandbox_id|password|hash|token$/);
    const [cols, counts, users] = await runSql(
      key,
      `select table_name::text, column_name::text from information_schema.columns where table_schema like 'pg_temp%' and column_name in ('sandbox_id', 'password_hash', 'token_hash');
       select (select count(*) from music.artists), (select count(*) from music.albums), (select count(*) from music.listeners), (select count(*) from music.plays), (select count(*) from music.tracks) between 50000 and 70000;
       select u.email, count(o.id) from users u left join orders o on o.account_id = u.id group by u.email`,
    );
    expect(cols?.rows).toEqual([]);
    expect(counts?.rows).toEqual([
      [
        String(DATASET_COUNTS.artists),
        String(DATASET_COUNTS.albums),
        String(DATASET_COUNTS.listeners),
        String(DATASET_COUNTS.plays),
        true,
      ],
    ]);
    expect(users?.columns.map((c) => c.name)).toEqual(["email", "count"]);
  });

  test("the dataset is the same on every database: a few fixed facts", async () => {
    const [facts] = await runSql(
      key,
      "select (select name from music.artists where id = 5), (select sum(duration_seconds) from music.tracks where album_id = 1), (select count(*) from music.plays where track_id < 100)",
    );
    expect(facts?.rows).toEqual([["The Paper Violets", expect.any(String), expect.any(String)]]);
    // Recorded from the first run; a change of dataset.ts changes them (and DATASET_VERSION).
    console.info("dataset facts", JSON.stringify(facts?.rows));
  });

  test("refuses a script that is not JSON, too long, empty or has too many statements", async () => {
    await expectProblem(await sendSql(key, ""), "validation", ["sql"]);
    await expectProblem(await sendSql(key, 42), "validation", ["sql"]);
    await expectProblem(await sendSql(key, "x".repeat(SQL_LIMITS.scriptChars + 1)), "validation", [
      "sql",
    ]);
    await expectProblem(
      await sendSql(
        key,
        Array.from({ length: SQL_LIMITS.statements + 1 }, () => "select 1").join(";"),
      ),
      "validation",
      ["sql"],
    );
    const { POST } = await import("@/app/api/v1/(sql-console)/sql/route");
    await expectProblem(
      await call(
        POST,
        "/api/v1/sql",
        {},
        { method: "POST", key, body: "select 1", headers: { "content-type": "text/plain" } },
      ),
      "unsupported-media-type",
    );
    expect(runSqlOperation.path).toBe("/api/v1/sql");
  });

  test("needs a sandbox", async () => {
    const { POST } = await import("@/app/api/v1/(sql-console)/sql/route");
    await expectProblem(
      await call(POST, "/api/v1/sql", {}, { method: "POST", body: { sql: "select 1" } }),
      "unauthorized",
    );
  });
});
