import { cols, sqlExample } from "@/components/console/sql-example";
import { defineExamples } from "@/content/examples";

const ACCOUNTS = [
  "create table accounts (",
  "  id integer primary key,",
  "  owner text not null,",
  "  balance numeric(10, 2) not null check (balance >= 0)",
  ");",
  "insert into accounts values (1, 'Ada', 100.00), (2, 'Linus', 20.00);",
];
const ACCOUNTS_SETUP = [{ command: "CREATE TABLE" }, { command: "INSERT", rowCount: 2 }];
const BALANCES = cols("id int4", "owner text", "balance numeric");

const SEATS = [
  "create table seats (",
  "  id integer primary key,",
  "  booked_by text",
  ");",
  "insert into seats values (7, null);",
];

/**
 * Every query the transactions lesson shows, in its order. Each script builds the tables it
 * needs (they vanish with the script's transaction), so every result is the same for everyone.
 */
export const examples = defineExamples({
  tryIt: sqlExample({
    title: "A transfer: two updates, one transaction",
    sql: [
      ...ACCOUNTS,
      "update accounts set balance = balance - 70 where id = 1;",
      "update accounts set balance = balance + 70 where id = 2;",
      "select id, owner, balance from accounts order by id;",
    ].join("\n"),
    results: [
      ...ACCOUNTS_SETUP,
      { command: "UPDATE", rowCount: 1 },
      { command: "UPDATE", rowCount: 1 },
      {
        command: "SELECT",
        columns: BALANCES,
        rows: [
          [1, "Ada", "30.00"],
          [2, "Linus", "90.00"],
        ],
      },
    ],
  }),
  atomicity: sqlExample({
    title: "A second transfer the CHECK refuses",
    sql: [
      ...ACCOUNTS,
      "update accounts set balance = balance - 70 where id = 1;",
      "update accounts set balance = balance + 70 where id = 2;",
      "update accounts set balance = balance + 70 where id = 2;",
      "update accounts set balance = balance - 70 where id = 1;",
      "select id, owner, balance from accounts order by id;",
    ].join("\n"),
    results: [
      ...ACCOUNTS_SETUP,
      { command: "UPDATE", rowCount: 1 },
      { command: "UPDATE", rowCount: 1 },
      { command: "UPDATE", rowCount: 1 },
      { error: { code: "23514" } },
    ],
  }),
  isolationLevel: sqlExample({
    title: "The isolation level this console runs at",
    sql: "show transaction_isolation;",
    results: [
      {
        command: "SHOW",
        columns: cols("transaction_isolation text"),
        rows: [["read committed"]],
      },
    ],
  }),
  sessionA: sqlExample({
    title: "Session A: check seat 7, then book it",
    sql: [
      ...SEATS,
      "select booked_by from seats where id = 7;",
      "update seats set booked_by = 'Ada' where id = 7;",
      "select id, booked_by from seats;",
    ].join("\n"),
    results: [
      { command: "CREATE TABLE" },
      { command: "INSERT", rowCount: 1 },
      { command: "SELECT", columns: cols("booked_by text"), rows: [[null]] },
      { command: "UPDATE", rowCount: 1 },
      { command: "SELECT", rows: [[7, "Ada"]] },
    ],
  }),
  sessionB: sqlExample({
    title: "Session B: the same, for Linus",
    sql: [
      ...SEATS,
      "select booked_by from seats where id = 7;",
      "update seats set booked_by = 'Linus' where id = 7;",
      "select id, booked_by from seats;",
    ].join("\n"),
    results: [
      { command: "CREATE TABLE" },
      { command: "INSERT", rowCount: 1 },
      { command: "SELECT", columns: cols("booked_by text"), rows: [[null]] },
      { command: "UPDATE", rowCount: 1 },
      { command: "SELECT", rows: [[7, "Linus"]] },
    ],
  }),
  conditionalWrite: sqlExample({
    title: "Check and write in one statement",
    sql: [
      ...SEATS,
      "update seats set booked_by = 'Ada'",
      "where id = 7 and booked_by is null",
      "returning id, booked_by;",
      "update seats set booked_by = 'Linus'",
      "where id = 7 and booked_by is null",
      "returning id, booked_by;",
    ].join("\n"),
    results: [
      { command: "CREATE TABLE" },
      { command: "INSERT", rowCount: 1 },
      { command: "UPDATE", rowCount: 1, rows: [[7, "Ada"]] },
      { command: "UPDATE", rowCount: 0, rows: [] },
    ],
  }),
  forUpdate: sqlExample({
    title: "Lock the row you check: SELECT … FOR UPDATE",
    sql: [
      ...ACCOUNTS,
      "select balance from accounts where id = 1 for update;",
      "update accounts set balance = balance - 70 where id = 1;",
      "select id, balance from accounts where id = 1;",
    ].join("\n"),
    results: [
      ...ACCOUNTS_SETUP,
      { command: "SELECT", columns: cols("balance numeric"), rows: [["100.00"]] },
      { command: "UPDATE", rowCount: 1 },
      { command: "SELECT", rows: [[1, "30.00"]] },
    ],
  }),
  constraint: sqlExample({
    title: "Let a constraint decide: one booking per seat",
    sql: [
      "create table bookings (",
      "  seat_id integer primary key,",
      "  customer text not null",
      ");",
      "insert into bookings values (7, 'Ada');",
      "insert into bookings values (7, 'Linus')",
      "on conflict (seat_id) do nothing",
      "returning seat_id, customer;",
      "insert into bookings values (7, 'Linus');",
    ].join("\n"),
    results: [
      { command: "CREATE TABLE" },
      { command: "INSERT", rowCount: 1 },
      { command: "INSERT", rowCount: 0, rows: [] },
      { error: { code: "23505" } },
    ],
  }),
  sqlFunction: sqlExample({
    title: "A stored function in SQL",
    sql: [
      "create function minutes_seconds(seconds integer)",
      "returns text",
      "language sql",
      "immutable",
      "return (seconds / 60) || ':' || lpad((seconds % 60)::text, 2, '0');",
      "",
      "select track_no, title, minutes_seconds(duration_seconds) as length",
      "from music.tracks",
      "where album_id = 1",
      "order by track_no;",
    ].join("\n"),
    results: [
      { command: "CREATE FUNCTION" },
      { command: "SELECT", columns: cols("track_no int4", "title text", "length text") },
    ],
  }),
  procedure: sqlExample({
    title: "A procedure: transfer, or refuse",
    sql: [
      ...ACCOUNTS,
      "",
      "create procedure transfer(from_id integer, to_id integer, amount numeric)",
      "language plpgsql",
      "as $$",
      "declare",
      "  available numeric;",
      "begin",
      "  select balance into available from accounts where id = from_id for update;",
      "  if available is null then",
      "    raise exception 'no account %', from_id;",
      "  end if;",
      "  if available < amount then",
      "    raise exception 'account % has only %', from_id, available;",
      "  end if;",
      "  update accounts set balance = balance - amount where id = from_id;",
      "  update accounts set balance = balance + amount where id = to_id;",
      "end",
      "$$;",
      "",
      "call transfer(1, 2, 70);",
      "select id, owner, balance from accounts order by id;",
      "call transfer(1, 2, 70);",
    ].join("\n"),
    results: [
      ...ACCOUNTS_SETUP,
      { command: "CREATE PROCEDURE" },
      { command: "CALL" },
      {
        command: "SELECT",
        columns: BALANCES,
        rows: [
          [1, "Ada", "30.00"],
          [2, "Linus", "90.00"],
        ],
      },
      { error: { code: "P0001", message: "account 1 has only 30.00" } },
    ],
  }),
});
