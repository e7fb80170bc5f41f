import { describe, expect, it } from "vitest";
import { findLesson } from "@/content/lessons";
import { newSandboxKey } from "../harness";
import { failingChecks, runScript } from "../support/sql-lessons";

const SLUG = "joins-and-aggregations";

describe("the joins and aggregations lesson's checks", () => {
  it("all fail on a fresh sandbox, and pass after the exercises", {
    timeout: 180_000,
  }, async () => {
    const key = await newSandboxKey();
    expect(await failingChecks(key, SLUG)).toEqual(findLesson(SLUG)?.checks.map((c) => c.id));

    await runScript(
      key,
      [
        "select ar.country, count(*) as albums from music.albums al join music.artists ar on ar.id = al.artist_id group by ar.country order by albums desc;",
        "select t.id from music.tracks t left join music.plays p on p.track_id = t.id where t.id > 59000 and p.id is null;",
      ].join("\n"),
    );
    expect(await failingChecks(key, SLUG)).toEqual(["having", "window"]);

    await runScript(
      key,
      [
        "select al.genre, count(*) from music.plays p join music.tracks t on t.id = p.track_id join music.albums al on al.id = t.album_id where p.played_at >= '2024-12-01' group by al.genre having count(*) > 1000;",
        "select played_at, row_number() over (order by played_at) from music.plays where listener_id = 7 limit 5;",
      ].join("\n"),
    );
    expect(await failingChecks(key, SLUG)).toEqual([]);
  });
});
