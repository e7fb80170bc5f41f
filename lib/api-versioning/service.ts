import { and, asc, eq, gt, ilike } from "drizzle-orm";
import { getDb } from "@/db";
import { type Todo, todo, todoCollection } from "@/db/schema/todo-api";
import { ownedBy } from "@/lib/sandbox/scope";
import type { TodoV2View } from "./contract";

/** v2's view of a todo: the same row, `text` for v1's `title`. */
export function toV2View(row: Todo): TodoV2View {
  return {
    id: row.id,
    text: row.title,
    done: row.done,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// #region keyset
/**
 * A page after the todo with id `after` (keyset pagination): the index on (sandbox_id, id) finds
 * where to start, however deep the page, where OFFSET reads and skips every row before it. One row
 * more than asked says whether a next page exists, without counting them all.
 */
export async function listTodosAfter({
  sandboxId,
  after,
  limit,
  done,
  q,
}: {
  sandboxId: string;
  after: number;
  limit: number;
  done?: boolean;
  q?: string;
}): Promise<{ rows: Todo[]; more: boolean; modifiedAt: Date | null }> {
  const db = await getDb();
  const [found, collection] = await Promise.all([
    db
      .select()
      .from(todo)
      .where(
        ownedBy(
          todo,
          sandboxId,
          and(
            gt(todo.id, after),
            done === undefined ? undefined : eq(todo.done, done),
            q ? ilike(todo.title, `%${q.replace(/[\\%_]/g, "\\$&")}%`) : undefined,
          ),
        ),
      )
      .orderBy(asc(todo.id))
      .limit(limit + 1),
    // Last-Modified: the last change to any of your todos, as v1's list says it.
    db
      .select({ modifiedAt: todoCollection.modifiedAt })
      .from(todoCollection)
      .where(ownedBy(todoCollection, sandboxId)),
  ]);
  return {
    rows: found.slice(0, limit),
    more: found.length > limit,
    modifiedAt: collection[0]?.modifiedAt ?? null,
  };
}
// #endregion
