import { describe, expect, it } from "vitest";
import { POST as createTodo } from "@/app/api/v1/(todo-api)/todos/route";
import { findLesson } from "@/content/lessons";
import { call, newSandboxKey } from "../harness";
import { failingChecks, runScript } from "../support/sql-lessons";

const ALL = () => findLesson("sql-basics")?.checks.map((c) => c.id);

describe("the SQL basics lesson's checks", () => {
  it("all fail on a fresh sandbox, and pass after the exercises", {
    timeout: 180_000,
  }, async () => {
    const key = await newSandboxKey();
    expect(await failingChecks(key, "sql-basics")).toEqual(ALL());

    // Reading is not writing: a SELECT with every clause passes only its own check.
    await runScript(
      key,
      "select name, formed_year from music.artists where country = 'SE' order by formed_year desc limit 10;",
    );
    expect(await failingChecks(key, "sql-basics")).toEqual([
      "todo-about-sql",
      "wrote-rows",
      "read-an-error",
    ]);

    const res = await call(
      createTodo,
      "/api/v1/todos",
      {},
      {
        method: "POST",
        key,
        body: { title: "Practise SQL every day" },
      },
    );
    expect(res.status).toBe(201);
    await runScript(
      key,
      [
        "insert into todos values (50, 'Try RETURNING', false, 1, now(), now()) returning id;",
        "update todos set done = true where id = 50;",
        "delete from todos where id = 50;",
        "select * form todos;",
      ].join("\n"),
    );
    expect(await failingChecks(key, "sql-basics")).toEqual([]);
  });

  it("do not count writes that failed", { timeout: 120_000 }, async () => {
    const key = await newSandboxKey();
    const results = await runScript(
      key,
      "insert into todos values (60, 'x', false, 1, now(), now()) returning id; update todos set nope = 1 where id = 60;",
    );
    expect(results.at(-1)?.error).toBeDefined();
    expect(await failingChecks(key, "sql-basics")).toEqual([
      "todo-about-sql",
      "filtered-sorted-limited",
      "wrote-rows",
    ]);
  });
});
