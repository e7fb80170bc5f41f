import { describe, expect, it } from "vitest";
import { checkThenDecrement, checkThenSet, readStock } from "@/content/lessons/ecommerce-api/race";
import { getDb, type Transaction } from "@/db";
import { newSandboxKey } from "../harness";
import { lookupSandboxId } from "../jwt-auth/sandbox-id";
import { order, setStock, shopSandbox, stockOf } from "./client";

// Two transactions that both read before either writes: the interleaving that breaks
// check-then-update. Only a real Postgres runs two transactions at once (PGlite has one
// connection), so these run in CI's second pass, with DATABASE_URL set.
const onPostgres = Boolean(process.env.DATABASE_URL);

/** Resolves once `parties` callers have arrived. */
function barrier(parties: number) {
  let arrived = 0;
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return opened;
  };
}

type Take = { sandboxId: string; productId: number; quantity: number };
type Write = (tx: Transaction, take: Take, stock: number) => Promise<boolean>;

/** A sandbox whose product 7 has one unit left, and the order of that one unit. */
async function lastMug(): Promise<{ key: string; take: Take }> {
  const key = await newSandboxKey();
  const { admin } = await shopSandbox(key);
  await setStock(key, admin, 7, 1);
  return { key, take: { sandboxId: await lookupSandboxId(key), productId: 7, quantity: 1 } };
}

/** Two buyers of it, each in its own READ COMMITTED transaction, both reading before writing. */
async function twoBuyers(take: Take, write: Write) {
  const db = await getDb();
  const bothRead = barrier(2);
  return Promise.allSettled(
    [0, 1].map(() =>
      db.transaction(async (tx) => {
        const stock = await readStock(tx, take);
        await bothRead();
        return write(tx, take, stock);
      }),
    ),
  );
}

describe.runIf(onPostgres)(
  "check-then-update, with two buyers of the last mug (real Postgres)",
  () => {
    it("check then set: both buyers are told yes, two mugs are sold of one, and the stock says 0", async () => {
      const { key, take } = await lastMug();
      const results = await twoBuyers(take, checkThenSet);
      expect(results.map((r) => r.status === "fulfilled" && r.value)).toEqual([true, true]);
      expect(await stockOf(key, 7)).toBe(0);
    });

    it("check then decrement: the second would make the stock -1, which only the CHECK constraint stops", async () => {
      const { key, take } = await lastMug();
      const results = await twoBuyers(take, checkThenDecrement);
      const failed = results.filter((r) => r.status === "rejected");
      expect(failed).toHaveLength(1);
      expect(String((failed[0] as PromiseRejectedResult).reason?.cause ?? "")).toMatch(
        /shop_product_stock_check/,
      );
      expect(await stockOf(key, 7)).toBe(0);
    });

    it("the shop's conditional UPDATE: one order of two, and a 409 for the other", async () => {
      const key = await newSandboxKey();
      const { alice, bob, admin } = await shopSandbox(key);
      await setStock(key, admin, 7, 1);
      const results = await Promise.all(
        [alice, bob].map((token) => order(key, token, [{ productId: 7, quantity: 1 }])),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await stockOf(key, 7)).toBe(0);
    });
  },
);
