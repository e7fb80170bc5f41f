import { describe, expect, it } from "vitest";
import { findLesson } from "@/content/lessons";
import { newSandboxKey } from "../harness";
import { failingChecks, runScript } from "../support/sql-lessons";

const SLUG = "subqueries-and-indexes";

describe("the subqueries and indexes lesson's checks", () => {
  it("all fail on a fresh sandbox, and pass after the exercises", {
    timeout: 180_000,
  }, async () => {
    const key = await newSandboxKey();
    expect(await failingChecks(key, SLUG)).toEqual(findLesson(SLUG)?.checks.map((c) => c.id));

    await runScript(
      key,
      [
        "select count(*) from music.artists where id in (select artist_id from music.albums where genre = 'jazz');",
        "explain analyze select count(*) from music.plays where track_id = 3;",
        "create index on music.plays (track_id);",
        "explain analyze select count(*) from music.plays where track_id = 3;",
      ].join("\n"),
    );
    expect(await failingChecks(key, SLUG)).toEqual(["cte", "composite-or-partial"]);

    await runScript(
      key,
      [
        "with premium as (select id from music.listeners where plan = 'premium') select count(*) from premium;",
        "create index on music.listeners (joined_on) where plan = 'premium';",
        "explain select id from music.listeners where plan = 'premium' and joined_on > '2024-12-01';",
      ].join("\n"),
    );
    expect(await failingChecks(key, SLUG)).toEqual([]);
  });

  it("want the index between the two plans", { timeout: 120_000 }, async () => {
    const key = await newSandboxKey();
    await runScript(
      key,
      "create index on music.plays (track_id); explain analyze select count(*) from music.plays where track_id = 3;",
    );
    expect(await failingChecks(key, SLUG)).toContain("measured-an-index");
  });
});
