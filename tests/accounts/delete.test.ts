import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as logRoute from "@/app/api/sandbox/log/route";
import { getDb } from "@/db";
import { account, user } from "@/db/schema/accounts";
import { lessonProgress, requestLog, sandbox } from "@/db/schema/sandboxes";
import { deleteAccount } from "@/lib/accounts/sandbox";
import { markLessonDone } from "@/lib/progress/service";
import { createTodo, listTodos } from "../todo-api/client";
import { Browser, newAccount, PASSWORD } from "./browser";

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
async function count(table: string, sandboxId: string): Promise<number> {
  const result: unknown = await (await getDb()).execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where sandbox_id = ${sandboxId}`,
  );
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return (rows[0] as { n: number }).n;
}

describe("deleting an account", () => {
  it("removes the user, their GitHub link and their sandbox with every row of its data", async () => {
    const { id: userId, email } = await newAccount("deleting");
    const browser = new Browser();
    const { body: mine } = await browser.createSandbox();
    await browser.signIn(email, PASSWORD);
    await createTodo(mine.key, { title: "Mine" });
    await markLessonDone({ sandboxId: mine.id, slug: "http-and-rest" });
    const db = await getDb();
    await db.insert(account).values({
      userId,
      type: "oauth",
      provider: "github",
      providerAccountId: `gh-${userId}`,
    });
    expect(await count("todo", mine.id)).toBeGreaterThan(0);
    expect(await count("request_log", mine.id)).toBeGreaterThan(0);

    // Someone else's account and sandbox stay as they are.
    const other = await newAccount("staying");
    const bystander = new Browser();
    const { body: theirs } = await bystander.createSandbox();
    await bystander.signIn(other.email, PASSWORD);

    expect(await deleteAccount({ userId })).toBe(true);

    expect(await db.select().from(user).where(eq(user.id, userId))).toEqual([]);
    expect(await db.select().from(account).where(eq(account.userId, userId))).toEqual([]);
    expect(await db.select().from(sandbox).where(eq(sandbox.id, mine.id))).toEqual([]);
    for (const table of ["todo", "todo_collection", "request_log", "lesson_progress"]) {
      expect(await count(table, mine.id), table).toBe(0);
    }
    // Its key opens nothing any more, at once.
    expect((await listTodos(mine.key)).status).toBe(401);
    // The session it left behind is no session, and Auth.js takes its cookie off.
    expect(await browser.session()).toBeNull();
    expect(browser.signedIn()).toBe(false);
    const log = await browser.call(logRoute.GET, "/api/sandbox/log");
    expect(log.status).toBe(401);

    expect(await db.select().from(user).where(eq(user.id, other.id))).toHaveLength(1);
    expect((await listTodos(theirs.key)).status).toBe(200);
    expect(
      await db.select().from(requestLog).where(eq(requestLog.sandboxId, theirs.id)),
    ).not.toEqual([]);
    expect(
      await db.select().from(lessonProgress).where(eq(lessonProgress.sandboxId, mine.id)),
    ).toEqual([]);
  });

  it("deletes an account that never had a sandbox", async () => {
    const { id: userId } = await newAccount("empty");
    expect(await deleteAccount({ userId })).toBe(true);
    expect(await deleteAccount({ userId })).toBe(false);
  });
});
