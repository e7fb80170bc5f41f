import { asc, eq, ilike, sql } from "drizzle-orm";
import { type Db, getDb, type Transaction } from "@/db";
import { type Todo, todo } from "@/db/schema/todo-api";
import { HttpProblem } from "@/lib/http/problem";
import { claimIds } from "@/lib/sandbox/counter";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";
import { MAX_TODOS, type TodoView } from "./contract";
import { TODO_SORTS, type TodoSort } from "./sorts";

export type { TodoView } from "./contract";

export function toView(row: Todo): TodoView {
  return {
    id: row.id,
    title: row.title,
    done: row.done,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A todo's ETag changes with every write; it names the id and the version. */
export function todoEtag(row: Pick<Todo, "id" | "version">): string {
  return `"${row.id}-${row.version}"`;
}

type ListShape = { filterDone: boolean; search: boolean; sort: TodoSort };

function buildListQuery(db: Db, { filterDone, search, sort }: ListShape) {
  return db
    .select({ row: todo, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(todo)
    .where(
      ownedBy(
        todo,
        sql.placeholder("sandboxId"),
        filterDone ? eq(todo.done, sql.placeholder("done")) : undefined,
        search ? ilike(todo.title, sql.placeholder("pattern")) : undefined,
      ),
    )
    .orderBy(TODO_SORTS[sort], asc(todo.id))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(`list_todos_${Number(filterDone)}${Number(search)}_${sort}`);
}

// The list query is built once per shape (filters used, sort) and per database client, then only
// executed: building SQL on every request costs more CPU than running it.
const listQueries = new WeakMap<Db, Map<string, ReturnType<typeof buildListQuery>>>();

function listQuery(db: Db, shape: ListShape) {
  let byShape = listQueries.get(db);
  if (!byShape) {
    byShape = new Map();
    listQueries.set(db, byShape);
  }
  const key = `${shape.filterDone}|${shape.search}|${shape.sort}`;
  let query = byShape.get(key);
  if (!query) {
    query = buildListQuery(db, shape);
    byShape.set(key, query);
  }
  return query;
}

export async function listTodos({
  sandboxId,
  page,
  limit,
  done,
  q,
  sort,
}: {
  sandboxId: string;
  page: number;
  limit: number;
  done?: boolean;
  q?: string;
  sort: TodoSort;
}): Promise<{ rows: Todo[]; total: number }> {
  const db = await getDb();
  const pattern = q ? `%${q.replace(/[\\%_]/g, "\\$&")}%` : undefined;
  // One round trip: the window count rides along with the page.
  const rows = await listQuery(db, {
    filterDone: done !== undefined,
    search: Boolean(q),
    sort,
  }).execute({
    sandboxId,
    done,
    pattern,
    limit,
    offset: (page - 1) * limit,
  });
  if (rows.length > 0 || page === 1) {
    return { rows: rows.map((r) => r.row), total: rows[0]?.total ?? 0 };
  }
  // Past the last page the window has no rows to count on.
  const [count] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(todo)
    .where(
      ownedBy(
        todo,
        sandboxId,
        done === undefined ? undefined : eq(todo.done, done),
        pattern ? ilike(todo.title, pattern) : undefined,
      ),
    );
  return { rows: [], total: count?.n ?? 0 };
}

// #region get-todo
export async function getTodo({ sandboxId, id }: { sandboxId: string; id: number }) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(todo)
    .where(ownedBy(todo, sandboxId, eq(todo.id, id)))
    .prepare("get_todo")
    .execute();
  return row;
}
// #endregion

export async function createTodo({
  sandboxId,
  title,
  done,
}: {
  sandboxId: string;
  title: string;
  done: boolean;
}): Promise<Todo> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [held] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(todo)
      .where(ownedBy(todo, sandboxId));
    if ((held?.n ?? 0) >= MAX_TODOS) {
      throw new HttpProblem(
        "conflict",
        `Your sandbox already holds ${MAX_TODOS} todos, the most it keeps. Delete some, or reset the sandbox.`,
      );
    }
    const id = await claimIds(tx, { sandboxId, name: "todo" });
    const [row] = await tx
      .insert(todo)
      .values({ sandboxId, id, title, done })
      .returning()
      .prepare("insert_todo")
      .execute();
    if (!row) throw new Error("todo insert returned no row");
    return row;
  });
}

/** Why a conditional write did not happen. */
export type WriteOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "precondition-failed"; current: Todo };

type Expectation = (current: Todo) => boolean;

/**
 * Runs `write` on a todo if `expect` accepts its current state, in one transaction with the row
 * locked, so two clients holding the same ETag cannot both win.
 */
// #region write-if-expected
async function writeIfExpected<T>(
  { sandboxId, id, expect }: { sandboxId: string; id: number; expect: Expectation },
  write: (tx: Transaction) => Promise<T>,
): Promise<WriteOutcome<T>> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [current] = await tx
      .select()
      .from(todo)
      .where(ownedBy(todo, sandboxId, eq(todo.id, id)))
      .for("update");
    if (!current) return { ok: false, reason: "not-found" };
    if (!expect(current)) return { ok: false, reason: "precondition-failed", current };
    return { ok: true, value: await write(tx) };
  });
}
// #endregion

export async function updateTodo({
  sandboxId,
  id,
  changes,
  expect,
}: {
  sandboxId: string;
  id: number;
  changes: { title?: string; done?: boolean };
  expect: Expectation;
}): Promise<WriteOutcome<Todo>> {
  return writeIfExpected({ sandboxId, id, expect }, async (tx) => {
    const [row] = await tx
      .update(todo)
      .set({ ...changes, version: sql`${todo.version} + 1`, updatedAt: sql`now()` })
      .where(ownedBy(todo, sandboxId, eq(todo.id, id)))
      .returning();
    if (!row) throw new Error("a locked todo vanished during its update");
    return row;
  });
}

export async function deleteTodo({
  sandboxId,
  id,
  expect,
}: {
  sandboxId: string;
  id: number;
  expect: Expectation;
}): Promise<WriteOutcome<null>> {
  return writeIfExpected({ sandboxId, id, expect }, async (tx) => {
    await tx.delete(todo).where(ownedBy(todo, sandboxId, eq(todo.id, id)));
    return null;
  });
}
