import { cols, sqlExample } from "@/components/console/sql-example";
import { defineExamples } from "@/content/examples";

/**
 * Every query the joins and aggregations lesson shows, in its order. They read only the shared
 * `music` dataset, which is the same on every database, so their rows are the same for everyone.
 */
export const examples = defineExamples({
  tryIt: sqlExample({
    title: "Albums with their artist's name",
    sql: "select ar.name as artist, al.title, al.released_on\nfrom music.albums al\njoin music.artists ar on ar.id = al.artist_id\nwhere ar.id = 5\norder by al.released_on;",
    results: [
      {
        command: "SELECT",
        columns: cols("artist text", "title text", "released_on date"),
      },
    ],
  }),
  threeTables: sqlExample({
    title: "Three tables: an album's tracks",
    sql: "select ar.name as artist, al.title as album, t.track_no, t.title, t.duration_seconds\nfrom music.tracks t\njoin music.albums al on al.id = t.album_id\njoin music.artists ar on ar.id = al.artist_id\nwhere al.id = 1\norder by t.track_no;",
    results: [
      {
        command: "SELECT",
        columns: cols(
          "artist text",
          "album text",
          "track_no int4",
          "title text",
          "duration_seconds int4",
        ),
      },
    ],
  }),
  innerVsLeft: sqlExample({
    title: "Inner and left join, counted",
    sql: "select count(*) as tracks\nfrom music.tracks\nwhere id > 50000;\n\nselect count(distinct t.id) as played\nfrom music.tracks t\njoin music.plays p on p.track_id = t.id\nwhere t.id > 50000;\n\nselect count(*) as never_played\nfrom music.tracks t\nleft join music.plays p on p.track_id = t.id\nwhere t.id > 50000 and p.id is null;",
    results: [
      { command: "SELECT", columns: cols("tracks int8") },
      { command: "SELECT", columns: cols("played int8") },
      { command: "SELECT", columns: cols("never_played int8") },
    ],
  }),
  leftJoinRows: sqlExample({
    title: "Left join: the unmatched side is NULL",
    sql: "select t.id, t.title, p.listener_id, p.played_at\nfrom music.tracks t\nleft join music.plays p on p.track_id = t.id\nwhere t.id between 59990 and 59995\norder by t.id, p.played_at;",
    results: [
      {
        command: "SELECT",
        columns: cols("id int4", "title text", "listener_id int4", "played_at timestamptz"),
      },
    ],
  }),
  groupBy: sqlExample({
    title: "GROUP BY: albums per genre",
    sql: "select genre, count(*) as albums, min(released_on) as first, max(released_on) as last\nfrom music.albums\ngroup by genre\norder by albums desc, genre;",
    results: [
      {
        command: "SELECT",
        columns: cols("genre text", "albums int8", "first date", "last date"),
      },
    ],
  }),
  notGrouped: sqlExample({
    title: "A column that is neither grouped nor aggregated",
    sql: "select genre, title, count(*)\nfrom music.albums\ngroup by genre;",
    results: [{ error: { code: "42803", position: 15 } }],
  }),
  having: sqlExample({
    title: "HAVING: the most played artists in December",
    sql: "select ar.name, count(*) as plays\nfrom music.plays p\njoin music.tracks t on t.id = p.track_id\njoin music.albums al on al.id = t.album_id\njoin music.artists ar on ar.id = al.artist_id\nwhere p.played_at >= '2024-12-01'\ngroup by ar.id, ar.name\nhaving count(*) >= 100\norder by plays desc, ar.name\nlimit 10;",
    results: [{ command: "SELECT", columns: cols("name text", "plays int8") }],
  }),
  byPlan: sqlExample({
    title: "Aggregates side by side: free and premium, in December",
    sql: "select l.plan,\n  count(*) as plays,\n  count(distinct p.listener_id) as listeners,\n  round(avg(p.seconds_played), 1) as avg_seconds,\n  count(*) filter (where p.seconds_played < 60) as skipped\nfrom music.plays p\njoin music.listeners l on l.id = p.listener_id\nwhere p.played_at >= '2024-12-01'\ngroup by l.plan\norder by l.plan;",
    results: [
      {
        command: "SELECT",
        columns: cols(
          "plan text",
          "plays int8",
          "listeners int8",
          "avg_seconds numeric",
          "skipped int8",
        ),
        rowCount: 2,
      },
    ],
  }),
  window: sqlExample({
    title: "Window functions: a listener's running total",
    sql: "select played_at, track_id, seconds_played,\n  sum(seconds_played) over (order by played_at) as running_seconds,\n  row_number() over (order by played_at) as nth\nfrom music.plays\nwhere listener_id = 42\norder by played_at\nlimit 10;",
    results: [
      {
        command: "SELECT",
        columns: cols(
          "played_at timestamptz",
          "track_id int4",
          "seconds_played int4",
          "running_seconds int8",
          "nth int8",
        ),
      },
    ],
  }),
  topPerGroup: sqlExample({
    title: "The top album of each genre in December, with rank()",
    sql: "select genre, title, plays\nfrom (\n  select al.genre, al.title, count(*) as plays,\n    rank() over (partition by al.genre order by count(*) desc) as place\n  from music.plays p\n  join music.tracks t on t.id = p.track_id\n  join music.albums al on al.id = t.album_id\n  where p.played_at >= '2024-12-01'\n  group by al.id, al.genre, al.title\n) ranked\nwhere place = 1\norder by plays desc, genre;",
    results: [{ command: "SELECT", columns: cols("genre text", "title text", "plays int8") }],
  }),
  lagLead: sqlExample({
    title: "lag(): time between one listener's plays",
    sql: "select played_at,\n  played_at - lag(played_at) over (order by played_at) as since_previous\nfrom music.plays\nwhere listener_id = 42\norder by played_at\nlimit 5;",
    results: [
      {
        command: "SELECT",
        columns: cols("played_at timestamptz", "since_previous interval"),
        rowCount: 5,
      },
    ],
  }),
});
