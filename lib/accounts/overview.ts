import { eq } from "drizzle-orm";
import { lessons } from "@/content/lessons";
import { getDb } from "@/db";
import { account } from "@/db/schema/accounts";
import { sandbox } from "@/db/schema/sandboxes";
import { listDoneLessons } from "@/lib/progress/service";
import { countRequestLog } from "@/lib/sandbox/request-log";

export type AccountOverview = {
  /** OAuth providers linked to the account ("github"). */
  providers: string[];
  sandbox?: { createdAt: Date; requests: number; done: number; written: number };
};

/** What the account page shows beside the user: how they sign in, and their sandbox. */
export async function accountOverview({ userId }: { userId: string }): Promise<AccountOverview> {
  const db = await getDb();
  const providers = await db
    .select({ provider: account.provider })
    .from(account)
    .where(eq(account.userId, userId));
  const [mine] = await db
    .select({ id: sandbox.id, createdAt: sandbox.createdAt })
    .from(sandbox)
    .where(eq(sandbox.userId, userId));
  if (!mine) return { providers: providers.map((p) => p.provider) };
  const slugs = new Set(lessons.map((lesson) => lesson.meta.slug));
  const done = (await listDoneLessons({ sandboxId: mine.id })).filter((slug) => slugs.has(slug));
  return {
    providers: providers.map((p) => p.provider),
    sandbox: {
      createdAt: mine.createdAt,
      requests: await countRequestLog({ sandboxId: mine.id }),
      done: done.length,
      written: slugs.size,
    },
  };
}
