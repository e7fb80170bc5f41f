import { type InferSelectModel, sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sandbox } from "./sandboxes";

/**
 * The documents lesson's store: JSON documents in named collections, one row each, in a JSONB
 * column. A collection is only a name on its rows (it exists while it holds documents), as in
 * MongoDB, where inserting into a collection creates it.
 */
export const document = pgTable(
  "document",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sandboxId: uuid("sandbox_id")
      .notNull()
      .references(() => sandbox.id, { onDelete: "cascade" }),
    collection: text("collection").notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("document_collection_idx").on(t.sandboxId, t.collection, t.createdAt),
    // jsonb_path_ops: smaller and faster than the default jsonb_ops, for the operators a filter
    // becomes (@@ and @? with jsonpath, and @>); it cannot answer "has this key" (?) queries.
    index("document_body_idx").using("gin", sql`${t.body} jsonb_path_ops`),
  ],
);
export type StoredDocument = InferSelectModel<typeof document>;
