import { cols, sqlExample } from "@/components/console/sql-example";
import { defineExamples } from "@/content/examples";

const TODO_COLUMNS = cols("id int4", "title text", "done bool");

/**
 * Every request and query the SQL basics lesson shows, in its order, on a fresh sandbox (todos
 * 1–3 seeded). Queries are `POST /api/v1/sql` examples (see components/console/sql-example.ts):
 * the console draws them as SQL, the replay sends them like any request.
 */
export const examples = defineExamples({
  tryIt: sqlExample({
    title: "Your todos, as a table",
    sql: "select id, title, done\nfrom todos\norder by id;",
    results: [
      {
        command: "SELECT",
        columns: TODO_COLUMNS,
        rows: [
          [1, "Read the HTTP and REST lesson", true],
          [2, "Send my first request from the console", false],
          [3, "Build a Todo API with CRUD", false],
        ],
        rowCount: 3,
        truncated: false,
      },
    ],
  }),
  createTodo: {
    title: "Create todo 4 through the Todo API",
    method: "POST",
    path: "/api/v1/todos",
    body: { title: "Learn SQL" },
    expect: { status: 201, body: { id: 4, title: "Learn SQL", done: false } },
  },
  findTodo: sqlExample({
    title: "Find it with WHERE",
    sql: "select id, title, done\nfrom todos\nwhere title like '%SQL%';",
    results: [{ command: "SELECT", columns: TODO_COLUMNS, rows: [[4, "Learn SQL", false]] }],
  }),
  types: sqlExample({
    title: "Values and their types",
    sql: "select 7 / 2 as int_division,\n  7 / 2.0 as numeric_division,\n  'NULL' as a_string,\n  null as nothing,\n  date '2024-02-28' + 1 as next_day,\n  now() > date '2024-01-01' as later;",
    results: [
      {
        command: "SELECT",
        columns: cols(
          "int_division int4",
          "numeric_division numeric",
          "a_string text",
          "nothing text",
          "next_day date",
          "later bool",
        ),
        rows: [[3, "3.5000000000000000", "NULL", null, "2024-02-29", true]],
      },
    ],
  }),
  artists: sqlExample({
    title: "The first rows of music.artists",
    sql: "select id, name, country, formed_year\nfrom music.artists\norder by id\nlimit 5;",
    results: [
      {
        command: "SELECT",
        columns: cols("id int4", "name text", "country text", "formed_year int4"),
        rowCount: 5,
      },
    ],
  }),
  whereOrderLimit: sqlExample({
    title: "Filter, sort, limit",
    sql: "select name, formed_year\nfrom music.artists\nwhere country = 'SE' and formed_year < 1970\norder by formed_year, name\nlimit 5;",
    results: [{ command: "SELECT", columns: cols("name text", "formed_year int4"), rowCount: 5 }],
  }),
  nullCompare: sqlExample({
    title: "NULL is not equal to anything, not even NULL",
    sql: "select null = null as equals,\n  null is null as is_null,\n  count(*) filter (where done = null) as eq_null,\n  count(*) filter (where done is not null) as not_null\nfrom todos;",
    results: [
      {
        command: "SELECT",
        columns: cols("equals bool", "is_null bool", "eq_null int8", "not_null int8"),
        rows: [[null, true, "0", "4"]],
      },
    ],
  }),
  keys: sqlExample({
    title: "Keys: a band and its records",
    sql: [
      "create table bands (",
      "  id integer primary key,",
      "  name text not null unique",
      ");",
      "create table records (",
      "  id integer primary key,",
      "  band_id integer not null references bands (id),",
      "  title text not null",
      ");",
      "insert into bands (id, name) values (1, 'The Paper Wolves');",
      "insert into records (id, band_id, title) values (1, 1, 'First Light');",
      "insert into records (id, band_id, title) values (2, 42, 'Orphan');",
    ].join("\n"),
    results: [
      { command: "CREATE TABLE" },
      { command: "CREATE TABLE" },
      { command: "INSERT", rowCount: 1 },
      { command: "INSERT", rowCount: 1 },
      { error: { code: "23503" } },
    ],
  }),
  relationship: sqlExample({
    title: "Follow a foreign key: one artist's albums",
    sql: "select id, title, released_on, genre\nfrom music.albums\nwhere artist_id = 5\norder by released_on;",
    results: [
      {
        command: "SELECT",
        columns: cols("id int4", "title text", "released_on date", "genre text"),
      },
    ],
  }),
  writes: sqlExample({
    title: "INSERT, UPDATE, DELETE with RETURNING",
    sql: [
      "insert into todos (id, title, done, version, created_at, updated_at)",
      "values (100, 'Write my first INSERT', false, 1, now(), now())",
      "returning id, title, done;",
      "update todos set done = true where id = 2",
      "returning id, title, done;",
      "delete from todos where done",
      "returning id, title;",
      "select id, title, done from todos order by id;",
    ].join("\n"),
    results: [
      { command: "INSERT", rowCount: 1, rows: [[100, "Write my first INSERT", false]] },
      {
        command: "UPDATE",
        rowCount: 1,
        rows: [[2, "Send my first request from the console", true]],
      },
      {
        command: "DELETE",
        rowCount: 2,
        rows: [
          [1, "Read the HTTP and REST lesson"],
          [2, "Send my first request from the console"],
        ],
      },
      {
        command: "SELECT",
        rows: [
          [3, "Build a Todo API with CRUD", false],
          [4, "Learn SQL", false],
          [100, "Write my first INSERT", false],
        ],
      },
    ],
  }),
  rolledBack: sqlExample({
    title: "…and none of it stayed",
    sql: "select count(*) as todos from todos;",
    results: [{ command: "SELECT", columns: cols("todos int8"), rows: [["4"]] }],
  }),
  typo: sqlExample({
    title: "A typo, and where Postgres points",
    sql: "select id, title\nform todos\nwhere done;",
    results: [{ error: { code: "42601", position: 23 } }],
  }),
});
