import { and, eq, type Placeholder, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * The condition every query on lesson data starts from: rows of this sandbox only. Services build
 * their WHERE clauses with it, so no query can reach another learner's rows.
 */
export function ownedBy(
  table: { sandboxId: PgColumn },
  sandboxId: string | Placeholder,
  ...conditions: Array<SQL | undefined>
): SQL {
  return and(eq(table.sandboxId, sandboxId), ...conditions) as SQL;
}
