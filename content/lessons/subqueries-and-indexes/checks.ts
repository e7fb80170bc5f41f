import type { Check } from "@/lib/lessons/checks";
import { type LoggedStatement, ran, sqlScripts } from "@/lib/lessons/sql-statements";

const explained = (s: LoggedStatement) => ran(s, "EXPLAIN", ["analyze"]);

/**
 * What "Check my work" looks for after subqueries and indexes, read from the `statement` spans of the
 * request log: each statement's command, features and outcome (never the SQL text).
 */
export const checks: Check[] = [
  {
    id: "subquery",
    title: "You used a subquery",
    hint: "A SELECT inside another: in IN (…), EXISTS (…) or as a value.",
    test: ({ log }) =>
      sqlScripts(log).some((script) =>
        script.some((s) => ran(s, "SELECT", ["subquery"]) || ran(s, "SELECT", ["exists"])),
      ),
  },
  {
    id: "cte",
    title: "You named a step with WITH",
    hint: "Start a query with WITH name AS (…) and select from name.",
    test: ({ log }) =>
      sqlScripts(log).some((script) => script.some((s) => ran(s, "SELECT", ["cte"]))),
  },
  {
    id: "measured-an-index",
    title: "You ran EXPLAIN ANALYZE, created an index, and ran it again",
    hint: "In one script: EXPLAIN ANALYZE a query on plays, CREATE INDEX for it, EXPLAIN ANALYZE the same query.",
    test: ({ log }) =>
      sqlScripts(log).some((script) => {
        const before = script.findIndex(explained);
        const index = script.findIndex((s, i) => i > before && ran(s, "CREATE INDEX"));
        return before !== -1 && index !== -1 && script.slice(index + 1).some(explained);
      }),
  },
  {
    id: "composite-or-partial",
    title: "You created a composite or a partial index and looked at a plan",
    hint: "CREATE INDEX on two columns, or with a WHERE, then EXPLAIN a query it serves.",
    test: ({ log }) =>
      sqlScripts(log).some((script) => {
        const index = script.findIndex(
          (s) => ran(s, "CREATE INDEX", ["composite"]) || ran(s, "CREATE INDEX", ["partial"]),
        );
        return index !== -1 && script.slice(index + 1).some((s) => ran(s, "EXPLAIN"));
      }),
  },
];
