import { todo } from "@/db/schema";
import type { Transaction } from "@/lib/sandbox/seed";

export const SEED_TODOS = [
  { title: "Read the HTTP and REST lesson", done: true },
  { title: "Send my first request from the console", done: false },
  { title: "Build a Todo API with CRUD", done: false },
] as const;

export async function seedTodos(tx: Transaction, sandboxId: string): Promise<void> {
  await tx.insert(todo).values(SEED_TODOS.map((t) => ({ ...t, sandboxId })));
}
