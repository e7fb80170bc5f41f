import { asc, eq, ilike, type SQL, sql } from "drizzle-orm";
import { type Db, getDb, type Transaction } from "@/db";
import { type Todo, todo, todoCollection } from "@/db/schema/todo-api";
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

/**
 * A todo's ETag names its id and its version. Versions come from one sequence shared by every
 * sandbox, so a tag is never handed out twice: a reset or another sandbox cannot bring it back.
 */
export function todoEtag(row: Pick<Todo, "id" | "version">): string {
  return `"${row.id}-${row.version}"`;
}

/** Dates the sandbox's collection of todos as changed now (after any earlier change). */
async function touchCollection(tx: Transaction, sandboxId: string): Promise<void> {
  await tx
    .insert(todoCollection)
    .values({ sandboxId, modifiedAt: sql`clock_timestamp()` })
    .onConflictDoUpdate({
      target: todoCollection.sandboxId,
      set: { modifiedAt: sql`greatest(${todoCollection.modifiedAt}, excluded.modified_at)` },
    });
}

/** The collection's Last-Modified, as a column of a query. */
const collectionModified = (sandboxId: unknown) =>
  sql<Date | null>`(select ${todoCollection.modifiedAt} from ${todoCollection} where ${todoCollection.sandboxId} = ${sandboxId})`.mapWith(
    todoCollection.modifiedAt,
  );

type ListShape = { filterDone: boolean; search: boolean; sort: TodoSort };

/** A timestamp as JavaScript's `toISOString()` writes it: UTC, milliseconds, `Z`. */
const isoTime = (column: unknown): SQL =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function buildListQuery(db: Db, { filterDone, search, sort }: ListShape) {
  const page = db
    .select({
      id: todo.id,
      title: todo.title,
      done: todo.done,
      createdAt: todo.createdAt,
      updatedAt: todo.updatedAt,
      total: sql<number>`count(*) over ()`.as("total"),
      n: sql<number>`row_number() over (order by ${TODO_SORTS[sort]}, ${asc(todo.id)})`.as("n"),
    })
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
    .as("page");
  // Each todo as the JSON its view is (toView: same fields, order and bytes), written by the
  // database, so the server neither builds 20 objects nor serializes them again.
  const todoJson = sql`'{"id":' || ${page.id} || ',"title":' || to_json(${page.title})::text || ',"done":' || ${page.done}::text || ',"createdAt":"' || ${isoTime(page.createdAt)} || '","updatedAt":"' || ${isoTime(page.updatedAt)} || '"}'`;
  return db
    .select({
      data: sql<string>`coalesce('[' || string_agg(${todoJson}, ',' order by ${page.n}) || ']', '[]')`,
      total: sql<number | null>`max(${page.total})`.mapWith(Number),
      modifiedAt: collectionModified(sql.placeholder("sandboxId")),
    })
    .from(page)
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

/** A page of todos: `data` is the JSON array of their views, as text, ready to send. */
export type TodoPageData = { data: string; total: number; modifiedAt: Date | null };

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
}): Promise<TodoPageData> {
  const db = await getDb();
  const pattern = q ? `%${q.replace(/[\\%_]/g, "\\$&")}%` : undefined;
  // One round trip: the window count and the collection's Last-Modified ride along with the page.
  const [result] = await listQuery(db, {
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
  if (result && result.total !== null) {
    return { data: result.data, total: result.total, modifiedAt: result.modifiedAt };
  }
  // An empty page (past the last one, or no todos at all) has no rows to count on.
  const [count] = await db
    .select({
      n: sql<number>`count(*)`.mapWith(Number),
      modifiedAt: collectionModified(sandboxId),
    })
    .from(todo)
    .where(
      ownedBy(
        todo,
        sandboxId,
        done === undefined ? undefined : eq(todo.done, done),
        pattern ? ilike(todo.title, pattern) : undefined,
      ),
    );
  return { data: "[]", total: count?.n ?? 0, modifiedAt: count?.modifiedAt ?? null };
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
    await touchCollection(tx, sandboxId);
    return row;
  });
}

/**
 * Why a write was refused. The caller decides, looking at the todo as it is now (locked): the
 * service knows nothing of HTTP headers, only that a write may be refused and why.
 */
export type Refusal = {
  reason: "precondition-failed" | "precondition-required";
  detail: string;
};
export type Check = (current: Todo) => Refusal | undefined;

export type WriteOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "not-found" }
  | ({ ok: false } & Refusal);

/**
 * Runs `write` on a todo if `check` lets it, in one transaction with the row locked, so two
 * clients holding the same ETag cannot both win.
 */
// #region write-if-expected
async function writeIfAllowed<T>(
  { sandboxId, id, check }: { sandboxId: string; id: number; check: Check },
  write: (tx: Transaction, current: Todo) => Promise<T>,
): Promise<WriteOutcome<T>> {
  return sandboxTransaction(sandboxId, async (tx) => {
    const [current] = await tx
      .select()
      .from(todo)
      .where(ownedBy(todo, sandboxId, eq(todo.id, id)))
      .for("update");
    if (!current) return { ok: false, reason: "not-found" };
    const refusal = check(current);
    if (refusal) return { ok: false, ...refusal };
    return { ok: true, value: await write(tx, current) };
  });
}
// #endregion

export async function updateTodo({
  sandboxId,
  id,
  changes,
  check,
}: {
  sandboxId: string;
  id: number;
  changes: { title?: string; done?: boolean };
  check: Check;
}): Promise<WriteOutcome<Todo>> {
  return writeIfAllowed({ sandboxId, id, check }, async (tx, current) => {
    // #region no-op
    // A write that changes nothing is not a write: same version, same updatedAt, same ETag.
    const changed =
      (changes.title !== undefined && changes.title !== current.title) ||
      (changes.done !== undefined && changes.done !== current.done);
    if (!changed) return current;
    // #endregion
    const [row] = await tx
      .update(todo)
      .set({
        ...changes,
        version: sql`nextval('todo_version_seq')`,
        // The time of the write itself, not of the transaction's start: a write that waited
        // for the lock must not date itself before the one it waited for.
        updatedAt: sql`clock_timestamp()`,
      })
      .where(ownedBy(todo, sandboxId, eq(todo.id, id)))
      .returning();
    if (!row) throw new Error("a locked todo vanished during its update");
    await touchCollection(tx, sandboxId);
    return row;
  });
}

export async function deleteTodo({
  sandboxId,
  id,
  check,
}: {
  sandboxId: string;
  id: number;
  check: Check;
}): Promise<WriteOutcome<null>> {
  return writeIfAllowed({ sandboxId, id, check }, async (tx) => {
    await tx.delete(todo).where(ownedBy(todo, sandboxId, eq(todo.id, id)));
    await touchCollection(tx, sandboxId);
    return null;
  });
}
