import type { Check } from "@/lib/lessons/checks";
import { ran, sqlScripts } from "@/lib/lessons/sql-statements";

/**
 * What "Check my work" looks for after the transactions lesson, read from the `statement` spans of the
 * request log: each statement's command, features and outcome (never the SQL text).
 */
export const checks: Check[] = [
  {
    id: "constraint-refused",
    title: "A constraint refused one of your writes",
    hint: "Break a CHECK, a unique key, a foreign key or a NOT NULL with an INSERT or UPDATE, and read the error code (23…).",
    test: ({ log }) =>
      sqlScripts(log).some((script) => script.some((s) => !s.ok && s.code?.startsWith("23"))),
  },
  {
    id: "race-closed",
    title: "A check-and-write in one statement turned a second booking away",
    hint: "Book the same thing twice with a conditional UPDATE … WHERE (or INSERT … ON CONFLICT) so the second changes 0 rows.",
    test: ({ log }) =>
      sqlScripts(log).some((script) =>
        script.some(
          (s) =>
            s.rows === 0 &&
            (ran(s, "UPDATE", ["where"]) || ran(s, "INSERT", ["on-conflict"])) &&
            script.some((t) => t !== s && t.ok && t.rows !== undefined && t.rows > 0),
        ),
      ),
  },
  {
    id: "locked-a-row",
    title: "You locked a row with SELECT … FOR UPDATE",
    hint: "Read the row you are about to change with FOR UPDATE, then change it.",
    test: ({ log }) =>
      sqlScripts(log).some((script) => script.some((s) => ran(s, "SELECT", ["for-update"]))),
  },
  {
    id: "stored-code",
    title: "You created a function or a procedure and called it",
    hint: "CREATE FUNCTION (or PROCEDURE), then use it in a SELECT (or CALL it) later in the same script.",
    test: ({ log }) =>
      sqlScripts(log).some((script) => {
        const created = script.findIndex((s) => ran(s, ["CREATE FUNCTION", "CREATE PROCEDURE"]));
        return created !== -1 && script.slice(created + 1).some((s) => ran(s, ["SELECT", "CALL"]));
      }),
  },
];
