import type { InferSelectModel } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sandbox } from "./sandboxes";

export const todo = pgTable(
  "todo",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    done: boolean("done").notNull().default(false),
    /** Bumped on every write; the ETag is derived from it. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("todo_sandbox_id_idx").on(t.sandboxId, t.id)],
);
export type Todo = InferSelectModel<typeof todo>;
