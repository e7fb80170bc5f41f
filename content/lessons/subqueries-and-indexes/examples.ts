import { cols, sqlExample } from "@/components/console/sql-example";
import { defineExamples } from "@/content/examples";

const BY_LISTENER = "select count(*) from music.plays where listener_id = 42;";
const EXPLAIN = { command: "EXPLAIN", columns: cols("QUERY PLAN text"), plan: {} };

/**
 * Every query the subqueries and indexes lesson shows, in its order. Plans differ between
 * PGlite and Postgres (parallel workers, costs), so EXPLAIN results promise a plan, not its shape;
 * the tests in tests/subqueries-and-indexes check the node types that matter.
 */
export const examples = defineExamples({
  tryIt: sqlExample({
    title: "Tracks longer than the average",
    sql: "select count(*) as longer,\n  (select count(*) from music.tracks) as of_all\nfrom music.tracks\nwhere duration_seconds > (select avg(duration_seconds) from music.tracks);",
    results: [{ command: "SELECT", columns: cols("longer int8", "of_all int8"), rowCount: 1 }],
  }),
  inSubquery: sqlExample({
    title: "IN: artists with a rock album",
    sql: "select count(*) as rock_artists\nfrom music.artists\nwhere id in (select artist_id from music.albums where genre = 'rock');",
    results: [{ command: "SELECT", columns: cols("rock_artists int8"), rowCount: 1 }],
  }),
  exists: sqlExample({
    title: "NOT EXISTS: a correlated subquery",
    sql: "select t.id, t.title\nfrom music.tracks t\nwhere t.id > 59980\n  and not exists (\n    select 1 from music.plays p\n    where p.track_id = t.id\n  )\norder by t.id;",
    results: [{ command: "SELECT", columns: cols("id int4", "title text") }],
  }),
  cte: sqlExample({
    title: "WITH: name the steps",
    sql: "with per_listener as (\n  select listener_id, count(*) as plays\n  from music.plays\n  group by listener_id\n),\nbuckets as (\n  select width_bucket(plays, 0, 100, 10) as bucket, count(*) as listeners\n  from per_listener\n  group by 1\n)\nselect (bucket - 1) * 10 as plays_from, listeners\nfrom buckets\norder by bucket;",
    results: [{ command: "SELECT", columns: cols("plays_from int4", "listeners int8") }],
  }),
  before: sqlExample({
    title: "EXPLAIN ANALYZE, no index",
    sql: `explain analyze\n${BY_LISTENER}`,
    results: [EXPLAIN],
  }),
  after: sqlExample({
    title: "Create the index, ask again",
    sql: `create index plays_listener_idx on music.plays (listener_id);\n\nexplain analyze\n${BY_LISTENER}`,
    results: [{ command: "CREATE INDEX" }, EXPLAIN],
  }),
  composite: sqlExample({
    title: "A composite index for filter and sort",
    sql: "create index plays_listener_time_idx on music.plays (listener_id, played_at);\n\nexplain analyze\nselect played_at, track_id\nfrom music.plays\nwhere listener_id = 42\norder by played_at desc\nlimit 5;",
    results: [{ command: "CREATE INDEX" }, EXPLAIN],
  }),
  leadingColumn: sqlExample({
    title: "The same index, without its first column",
    sql: "create index plays_listener_time_idx on music.plays (listener_id, played_at);\n\nexplain\nselect count(*)\nfrom music.plays\nwhere played_at >= '2024-12-25' and played_at < '2024-12-26';",
    results: [{ command: "CREATE INDEX" }, { command: "EXPLAIN", plan: {} }],
  }),
  partial: sqlExample({
    title: "A partial index: only premium listeners",
    sql: "create index listeners_premium_joined_idx\n  on music.listeners (joined_on)\n  where plan = 'premium';\n\nexplain\nselect id, name\nfrom music.listeners\nwhere plan = 'premium' and joined_on >= '2024-12-01';",
    results: [{ command: "CREATE INDEX" }, { command: "EXPLAIN", plan: {} }],
  }),
  functionOnColumn: sqlExample({
    title: "A function on the column hides it from the index",
    sql: "create index plays_time_idx on music.plays (played_at);\n\nexplain\nselect count(*) from music.plays\nwhere date_trunc('day', played_at) = '2024-12-25';\n\nexplain\nselect count(*) from music.plays\nwhere played_at >= '2024-12-25' and played_at < '2024-12-26';",
    results: [
      { command: "CREATE INDEX" },
      { command: "EXPLAIN", plan: {} },
      { command: "EXPLAIN", plan: {} },
    ],
  }),
  notSelective: sqlExample({
    title: "Most rows match: the index is not worth it",
    sql: "create index listeners_plan_idx on music.listeners (plan);\n\nexplain\nselect count(*) from music.listeners where plan = 'free';\n\nexplain\nselect count(*) from music.listeners where plan = 'premium' and id < 100;",
    results: [
      { command: "CREATE INDEX" },
      { command: "EXPLAIN", plan: {} },
      { command: "EXPLAIN", plan: {} },
    ],
  }),
});
