import { describe, expect, it } from "vitest";
import { findLesson } from "@/content/lessons";
import { newSandboxKey } from "../harness";
import { failingChecks, runScript } from "../support/sql-lessons";

const SLUG = "transactions-and-procedures";

describe("the transactions lesson's checks", () => {
  it("all fail on a fresh sandbox, and pass after the exercises", {
    timeout: 180_000,
  }, async () => {
    const key = await newSandboxKey();
    expect(await failingChecks(key, SLUG)).toEqual(findLesson(SLUG)?.checks.map((c) => c.id));

    // A check-then-write in two statements, run alone, closes no race: it does not count.
    await runScript(
      key,
      [
        "create table seats (id integer primary key, booked_by text);",
        "insert into seats values (7, null);",
        "select booked_by from seats where id = 7;",
        "update seats set booked_by = 'Ada' where id = 7;",
      ].join("\n"),
    );
    expect(await failingChecks(key, SLUG)).toEqual(findLesson(SLUG)?.checks.map((c) => c.id));

    await runScript(
      key,
      [
        "create table seats (id integer primary key, booked_by text);",
        "insert into seats values (7, null);",
        "select booked_by from seats where id = 7 for update;",
        "update seats set booked_by = 'Ada' where id = 7 and booked_by is null;",
        "update seats set booked_by = 'Linus' where id = 7 and booked_by is null;",
        "create function free_seats() returns bigint language sql return (select count(*) from seats where booked_by is null);",
        "select free_seats();",
        "insert into seats values (7, 'Grace');",
      ].join("\n"),
    );
    expect(await failingChecks(key, SLUG)).toEqual([]);
  });
});
