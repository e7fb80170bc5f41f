import type { Transaction } from "@/db";
import { seedTodos } from "@/lib/todo-api/seed";

/** Each lesson's starting data. A lesson with tables adds its seed here. */
const seeds: Array<(tx: Transaction, sandboxId: string) => Promise<void>> = [seedTodos];

export async function seedSandbox(tx: Transaction, sandboxId: string): Promise<void> {
  for (const seed of seeds) await seed(tx, sandboxId);
}
