import { describe, expect, it } from "vitest";
import { cols, sqlExample, sqlOf } from "@/components/console/sql-example";
import { lineColumn, tokenize } from "@/components/console/sql-highlight";
import { estimateOff } from "@/components/console/sql-plan";
import { isNumericColumn, whereIn } from "@/components/console/sql-results";
import { describeStatement, parseStatement, sqlFeatures } from "@/lib/lessons/sql-statements";

describe("the SQL console's pieces", () => {
  it("turns a SQL example into a POST /api/v1/sql request the console recognises", () => {
    const example = sqlExample({ title: "t", sql: "select 1;", results: [{ command: "SELECT" }] });
    expect(example).toMatchObject({
      method: "POST",
      path: "/api/v1/sql",
      body: { sql: "select 1;" },
    });
    expect(sqlOf(example)).toBe("select 1;");
    expect(sqlOf({ method: "POST", path: "/api/v1/todos", body: { sql: "x" } })).toBeNull();
    expect(sqlOf({ method: "GET", path: "/api/v1/sql" })).toBeNull();
    expect(cols("id int4", "QUERY PLAN text")).toEqual([
      { name: "id", type: "int4" },
      { name: "QUERY PLAN", type: "text" },
    ]);
  });

  it("highlights keywords, strings, numbers and comments, and keeps every character", () => {
    const sql = "select 'it''s' as \"A b\", 42 -- note\nfrom t where x = $$a;b$$;";
    const tokens = tokenize(sql);
    expect(tokens.map((t) => t.text).join("")).toBe(sql);
    const kinds = Object.fromEntries(tokens.map((t) => [t.text.trim(), t.kind]));
    expect(kinds.select).toBe("keyword");
    expect(kinds["'it''s'"]).toBe("string");
    expect(kinds['"A b"']).toBe("ident");
    expect(kinds["-- note"]).toBe("comment");
    expect(kinds["$$a;b$$"]).toBe("string");
    expect(tokens.some((t) => t.kind === "number" && t.text === "42")).toBe(true);
    // An unterminated string does not swallow the tokenizer.
    expect(
      tokenize("select 'oops")
        .map((t) => t.text)
        .join(""),
    ).toBe("select 'oops");
  });

  it("turns a script position into a line and column", () => {
    const script = "select id, title\nform todos\nwhere done;";
    expect(lineColumn(script, 1)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(script, 23)).toEqual({ line: 2, column: 6 });
    expect(whereIn(script, 29)).toBe("line 3, column 1");
  });

  it("right-aligns numeric columns only", () => {
    for (const type of ["int4", "int8", "numeric", "float8"])
      expect(isNumericColumn({ name: "n", type })).toBe(true);
    for (const type of ["text", "date", "bool", "interval"])
      expect(isNumericColumn({ name: "n", type })).toBe(false);
  });

  it("warns when a plan's estimate is ten times off, either way", () => {
    const node = {
      node: "Seq Scan",
      rowsEstimated: 50,
      costStartup: 0,
      costTotal: 1,
      children: [],
    };
    expect(estimateOff(node)).toBeNull();
    expect(estimateOff({ ...node, rowsActual: 60 })).toBeNull();
    expect(estimateOff({ ...node, rowsActual: 5000 })).toBe(100);
    expect(estimateOff({ ...node, rowsActual: 0 })).toBe(50);
  });
});

describe("what lesson checks read of a statement", () => {
  it("names the features a statement uses, ignoring strings and comments", () => {
    expect(
      sqlFeatures(
        "select a.x, count(*) from a left join b on b.id = a.b group by a.x having count(*) > 1 order by 2 limit 3",
      ),
    ).toEqual(["order-by", "limit", "join", "outer-join", "group-by", "having"]);
    expect(sqlFeatures("select 'left join' -- group by\nfrom t")).toEqual([]);
    expect(sqlFeatures("with x as (select 1) select * from x")).toEqual(["subquery", "cte"]);
    expect(sqlFeatures("select row_number() over (order by id) from t")).toContain("window");
    expect(sqlFeatures("select * from t where exists (select 1)")).toContain("exists");
    expect(sqlFeatures("explain analyze select 1")).toEqual(["analyze"]);
    expect(sqlFeatures("explain (analyze, buffers) select 1")).toEqual(["analyze"]);
    expect(sqlFeatures("explain select 1")).toEqual([]);
    expect(sqlFeatures("create index on plays (listener_id, played_at)")).toEqual(["composite"]);
    expect(sqlFeatures("create index i on t (d) where plan = 'premium'")).toEqual([
      "where",
      "partial",
    ]);
    expect(sqlFeatures("select * from t where id = 1 for update")).toEqual(["where", "for-update"]);
    expect(sqlFeatures("insert into t values (1) on conflict (id) do nothing returning *")).toEqual(
      ["returning", "on-conflict"],
    );
  });

  it("describes and parses a statement the same way, never with its text", () => {
    const ok = describeStatement({
      statement: "select * from todos where title = 'secret'",
      command: "SELECT",
      rowCount: 2,
      durationMs: 1,
    });
    expect(ok).toBe("SELECT [where] ok 2");
    expect(parseStatement(ok)).toEqual({
      command: "SELECT",
      features: ["where"],
      ok: true,
      rows: 2,
    });
    const failed = describeStatement({
      statement: "insert into records values (2, 42)",
      command: "INSERT",
      rowCount: null,
      durationMs: 1,
      error: { code: "23503" },
    });
    expect(parseStatement(failed)).toEqual({
      command: "INSERT",
      features: [],
      ok: false,
      code: "23503",
    });
    expect(parseStatement("CREATE INDEX [composite] ok")).toEqual({
      command: "CREATE INDEX",
      features: ["composite"],
      ok: true,
    });
    expect(parseStatement("Run your statements, then roll back")).toBeNull();
  });
});
