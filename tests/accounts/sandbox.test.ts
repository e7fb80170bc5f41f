import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as progressRoute from "@/app/api/progress/[slug]/route";
import * as sandboxRoute from "@/app/api/sandbox/route";
import { getDb } from "@/db";
import { lessonProgress, sandbox } from "@/db/schema/sandboxes";
import { signInSandbox } from "@/lib/accounts/sandbox";
import { markLessonDone } from "@/lib/progress/service";
import { hashSandboxKey } from "@/lib/sandbox/keys";
import { createTodo, listTodos, type TodoPage } from "../todo-api/client";
import { Browser, newAccount, PASSWORD } from "./browser";

const SLUGS = ["http-and-rest", "todo-api"] as const;

async function done(browser: Browser, slug: string): Promise<boolean> {
  const res = await browser.call(progressRoute.GET, `/api/progress/${slug}`, {}, { slug });
  return ((await res.json()) as { done: boolean }).done;
}

async function progressOf(sandboxId: string) {
  const db = await getDb();
  return db
    .select({ slug: lessonProgress.lessonSlug, at: lessonProgress.completedAt })
    .from(lessonProgress)
    .where(eq(lessonProgress.sandboxId, sandboxId));
}

async function sandboxRow(key: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(sandbox)
    .where(eq(sandbox.keyHash, hashSandboxKey(key)));
  return row;
}

describe("signing in after working anonymously", () => {
  it("makes the anonymous sandbox the account's when the account has none yet", async () => {
    const { id: userId, email } = await newAccount("first-device");
    const browser = new Browser();
    const { body: anonymous } = await browser.createSandbox();
    await markLessonDone({ sandboxId: anonymous.id, slug: SLUGS[0] });
    await createTodo(anonymous.key, { title: "Made before signing in" });

    await browser.signIn(email, PASSWORD);
    // Same key, same data, now the account's.
    expect(browser.sandboxKey).toBe(anonymous.key);
    expect((await sandboxRow(anonymous.key))?.userId).toBe(userId);
    expect(await done(browser, SLUGS[0])).toBe(true);
    const todos = (await (await listTodos(anonymous.key)).json()) as TodoPage;
    expect(todos.data.map((t) => t.title)).toContain("Made before signing in");

    // Another device signing in gets that same sandbox.
    const other = new Browser();
    await other.signIn(email, PASSWORD);
    expect(other.sandboxKey).toBe(anonymous.key);
    expect(await done(other, SLUGS[0])).toBe(true);
  });

  it("adds the anonymous progress to the account's sandbox when it has one, and drops the rest", async () => {
    const { email } = await newAccount("second-device");
    const first = new Browser();
    const { body: mine } = await first.createSandbox();
    await first.signIn(email, PASSWORD);
    await markLessonDone({ sandboxId: mine.id, slug: SLUGS[1] });

    const second = new Browser();
    const { body: anonymous } = await second.createSandbox();
    await markLessonDone({ sandboxId: anonymous.id, slug: SLUGS[0] });
    await markLessonDone({ sandboxId: anonymous.id, slug: SLUGS[1] });
    await createTodo(anonymous.key, { title: "Anonymous practice" });

    await second.signIn(email, PASSWORD);
    // The browser now holds the account's sandbox, with both lessons done.
    expect(second.sandboxKey).toBe(mine.key);
    expect(await done(second, SLUGS[0])).toBe(true);
    expect(await done(second, SLUGS[1])).toBe(true);
    expect(await done(first, SLUGS[0])).toBe(true);
    // The anonymous sandbox is gone with its lesson data, and its key opens nothing.
    expect(await sandboxRow(anonymous.key)).toBeUndefined();
    const gone = await listTodos(anonymous.key);
    expect(gone.status).toBe(401);
    const todos = (await (await listTodos(mine.key)).json()) as TodoPage;
    expect(todos.data.map((t) => t.title)).not.toContain("Anonymous practice");
  });

  it("keeps the earlier date when both sandboxes did the same lesson", async () => {
    const { id: userId } = await newAccount("dates");
    const { body: mine } = await new Browser().createSandbox();
    await signInSandbox({ userId, browserKey: mine.key });
    await markLessonDone({ sandboxId: mine.id, slug: SLUGS[0] });
    const { body: anonymous } = await new Browser().createSandbox();
    await markLessonDone({ sandboxId: anonymous.id, slug: SLUGS[0] });
    await markLessonDone({ sandboxId: anonymous.id, slug: SLUGS[1] });
    const longAgo = new Date("2025-01-02T03:04:05Z");
    const db = await getDb();
    await db
      .update(lessonProgress)
      .set({ completedAt: longAgo })
      .where(eq(lessonProgress.sandboxId, anonymous.id));

    const merged = await signInSandbox({ userId, browserKey: anonymous.key });
    expect(merged).toEqual({ key: mine.key, outcome: "merged", lessonsAdded: [SLUGS[1]] });
    const kept = await progressOf(mine.id);
    expect(kept.map((row) => [row.slug, row.at.toISOString()]).sort()).toEqual([
      [SLUGS[0], longAgo.toISOString()],
      [SLUGS[1], longAgo.toISOString()],
    ]);
  });

  it("never merges a sandbox that belongs to another account", async () => {
    const ada = await newAccount("ada-shared");
    const bob = await newAccount("bob-shared");
    const shared = new Browser();
    const { body: adas } = await shared.createSandbox();
    await shared.signIn(ada.email, PASSWORD);
    await markLessonDone({ sandboxId: adas.id, slug: SLUGS[0] });
    // Ada leaves without signing out; her session expires, her sandbox cookie stays.
    for (const name of [...shared.cookies.keys()]) {
      if (name.includes("authjs")) shared.cookies.delete(name);
    }

    await shared.signIn(bob.email, PASSWORD);
    // Bob has no sandbox yet, and he does not get Ada's.
    expect(shared.sandboxKey).toBeUndefined();
    expect((await sandboxRow(adas.key))?.userId).toBe(ada.id);
    expect(await progressOf(adas.id)).toHaveLength(1);
    expect(await done(shared, SLUGS[0])).toBe(false);
  });
});

describe("a signed-in learner's sandbox on every device", () => {
  it("is created for the account by the first request, then found by every signed-in browser", async () => {
    const { email } = await newAccount("no-sandbox-yet");
    const phone = new Browser();
    const laptop = new Browser();
    await phone.signIn(email, PASSWORD);
    await laptop.signIn(email, PASSWORD);
    expect(phone.sandboxKey).toBeUndefined();

    const { res, body } = await laptop.createSandbox();
    expect(res.status).toBe(201);
    await markLessonDone({ sandboxId: body.id, slug: SLUGS[0] });

    // The phone signed in before the sandbox existed: its first request finds it.
    expect(await done(phone, SLUGS[0])).toBe(true);
    expect(phone.sandboxKey).toBe(body.key);
    const shown = await phone.call(sandboxRoute.GET, "/api/sandbox");
    expect(await shown.json()).toMatchObject({ id: body.id, key: body.key, created: false });
    const again = await new Browser().createSandbox();
    expect(again.body.id).not.toBe(body.id);
  });

  it("is found by POST /api/sandbox too, which then creates nothing", async () => {
    const { email } = await newAccount("post-finds");
    const first = new Browser();
    await first.signIn(email, PASSWORD);
    const { body: made } = await first.createSandbox();
    const second = new Browser();
    await second.signIn(email, PASSWORD);
    second.cookies.delete("bmj_sandbox");
    const { res, body } = await second.createSandbox();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ id: made.id, key: made.key, created: false });
  });
});
