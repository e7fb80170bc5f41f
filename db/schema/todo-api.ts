import type { InferSelectModel } from "drizzle-orm";
import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sandbox } from "./sandboxes";

export const todo = pgTable(
  "todo",
  {
    /** Numbered per sandbox from 1 (see sandboxCounter), so lesson examples name the same ids for everyone. */
    id: integer("id").notNull(),
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
  (t) => [primaryKey({ columns: [t.sandboxId, t.id] })],
);
export type Todo = InferSelectModel<typeof todo>;
