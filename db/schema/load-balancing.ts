import { type InferSelectModel, sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sandbox } from "./sandboxes";

/**
 * The load-balancing lesson's shared state: one counter per sandbox, in Postgres, so every
 * instance behind the balancer counts on from the same number.
 */
export const visitCounter = pgTable("visit_counter", {
  sandboxId: uuid("sandbox_id")
    .primaryKey()
    .references(() => sandbox.id, { onDelete: "cascade" }),
  visits: integer("visits").notNull().default(0),
  /** The instance that counted the latest visit. */
  lastInstance: text("last_instance").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
});

export type VisitCounter = InferSelectModel<typeof visitCounter>;
