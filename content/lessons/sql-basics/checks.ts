import { ilike } from "drizzle-orm";
import { todo } from "@/db/schema/todo-api";
import type { Check } from "@/lib/lessons/checks";
import { ran, sqlScripts } from "@/lib/lessons/sql-statements";
import { ownedBy } from "@/lib/sandbox/scope";

/**
 * What "Check my work" looks for after SQL basics: a todo made through the API, and in the request
 * log's `statement` spans (command, features, outcome of each statement; never the SQL text) the scripts
 * of the exercises.
 */
export const checks: Check[] = [
  {
    id: "todo-about-sql",
    title: "You created a todo about SQL through the Todo API",
    hint: "POST a todo whose title mentions SQL to /api/v1/todos (the lesson's first request console does).",
    test: async ({ db, sandboxId }) => {
      const rows = await db
        .select({ id: todo.id })
        .from(todo)
        .where(ownedBy(todo, sandboxId, ilike(todo.title, "%sql%")))
        .limit(1);
      return rows.length > 0;
    },
  },
  {
    id: "filtered-sorted-limited",
    title: "You ran a SELECT with WHERE, ORDER BY and LIMIT",
    hint: "One SELECT that filters rows, sorts them and keeps the first few, on any table.",
    test: ({ log }) =>
      sqlScripts(log).some((script) =>
        script.some((s) => ran(s, "SELECT", ["where", "order-by", "limit"])),
      ),
  },
  {
    id: "wrote-rows",
    title: "In one script you inserted with RETURNING, then updated and deleted rows with a WHERE",
    hint: "Write a script on your todos: an INSERT … RETURNING, an UPDATE … WHERE and a DELETE … WHERE, all succeeding.",
    test: ({ log }) =>
      sqlScripts(log).some((script) => {
        const inserted = script.findIndex((s) => ran(s, "INSERT", ["returning"]));
        if (inserted === -1) return false;
        const after = script.slice(inserted + 1);
        return (
          after.some((s) => ran(s, "UPDATE", ["where"])) &&
          after.some((s) => ran(s, "DELETE", ["where"]))
        );
      }),
  },
  {
    id: "read-an-error",
    title: "Postgres refused one of your statements",
    hint: "Make a statement fail: a typo, a missing table, or a row that breaks a key.",
    test: ({ log }) => sqlScripts(log).some((script) => script.some((s) => !s.ok)),
  },
];
