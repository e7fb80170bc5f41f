import { defineLesson } from "@/lib/lessons/define";
import { sqlConsoleApi } from "@/lib/sql-console/contract";
import { checks } from "./checks";
import { examples } from "./examples";

export default defineLesson({
  slug: "sql-basics",
  title: "SQL basics: tables, keys and simple queries",
  summary:
    "Query your own todos and a shared music dataset on real Postgres: tables, types and NULL, primary and foreign keys, SELECT with WHERE, ORDER BY and LIMIT, and INSERT, UPDATE and DELETE with RETURNING, in a console whose every script is rolled back.",
  objectives: [
    "Read a table's columns and types, and tell NULL from a value",
    "Filter, sort and limit rows with WHERE, ORDER BY and LIMIT, and know why an unsorted result has no order",
    "Explain primary keys, foreign keys and one-to-many and many-to-many relationships",
    "Change rows with INSERT, UPDATE and DELETE, and get them back with RETURNING",
    "Read a Postgres error: its code, and the place in the script it points at",
  ],
  minutes: 45,
  api: sqlConsoleApi,
  examples,
  checks,
});
