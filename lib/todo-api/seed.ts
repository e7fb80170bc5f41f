import type { Transaction } from "@/db";
import { todo, todoCollection } from "@/db/schema/todo-api";
import { claimIds } from "@/lib/sandbox/counter";

export const SEED_TODOS = [
  { title: "Read the HTTP and REST lesson", done: true },
  { title: "Send my first request from the console", done: false },
  { title: "Build a Todo API with CRUD", done: false },
] as const;

/** Every sandbox starts with todos 1, 2 and 3, so lesson examples work for everyone. */
export async function seedTodos(tx: Transaction, sandboxId: string): Promise<void> {
  const first = await claimIds(tx, { sandboxId, name: "todo", count: SEED_TODOS.length });
  await tx.insert(todo).values(SEED_TODOS.map((t, i) => ({ ...t, id: first + i, sandboxId })));
  await tx.insert(todoCollection).values({ sandboxId });
}
