import type { Db } from "@/db";
import { seedTodos } from "@/lib/todos/seed";

export type Transaction = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Each lesson's starting data. A lesson with tables adds its seed here. */
const seeds: Array<(tx: Transaction, sandboxId: string) => Promise<void>> = [seedTodos];

export async function seedSandbox(tx: Transaction, sandboxId: string): Promise<void> {
  for (const seed of seeds) await seed(tx, sandboxId);
}
