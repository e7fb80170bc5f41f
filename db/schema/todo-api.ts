import { type InferSelectModel, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sandbox } from "./sandboxes";

/**
 * One counter for every todo write in every sandbox. A version number is never handed out twice,
 * so an ETag built from it never comes back: not after a reset, not in another sandbox.
 */
export const todoVersionSeq = pgSequence("todo_version_seq");

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
    /** Taken from todo_version_seq on every write that changes the todo; the ETag is derived from it. */
    version: bigint("version", { mode: "number" })
      .notNull()
      .default(sql`nextval('todo_version_seq')`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the todo last changed: its Last-Modified. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sandboxId, t.id] })],
);
export type Todo = InferSelectModel<typeof todo>;

/**
 * When a sandbox's todos last changed as a collection (a create, a change or a delete): the list's
 * Last-Modified. A delete leaves no row behind to date it, so the collection keeps its own date.
 */
export const todoCollection = pgTable("todo_collection", {
  sandboxId: uuid("sandbox_id")
    .primaryKey()
    .references(() => sandbox.id, { onDelete: "cascade" }),
  modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
});
