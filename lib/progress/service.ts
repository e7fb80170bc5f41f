import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { lessonProgress } from "@/db/schema/sandboxes";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { ownedBy } from "@/lib/sandbox/scope";

/** Slugs of the lessons this sandbox has marked done. */
export async function listDoneLessons({ sandboxId }: { sandboxId: string }): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ slug: lessonProgress.lessonSlug })
    .from(lessonProgress)
    .where(ownedBy(lessonProgress, sandboxId));
  return rows.map((row) => row.slug);
}

export async function markLessonDone({ sandboxId, slug }: { sandboxId: string; slug: string }) {
  await sandboxTransaction(sandboxId, async (tx) => {
    await tx.insert(lessonProgress).values({ sandboxId, lessonSlug: slug }).onConflictDoNothing();
  });
}

export async function markLessonNotDone({ sandboxId, slug }: { sandboxId: string; slug: string }) {
  const db = await getDb();
  await db
    .delete(lessonProgress)
    .where(ownedBy(lessonProgress, sandboxId, eq(lessonProgress.lessonSlug, slug)));
}

export async function isLessonDone({ sandboxId, slug }: { sandboxId: string; slug: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ slug: lessonProgress.lessonSlug })
    .from(lessonProgress)
    .where(ownedBy(lessonProgress, sandboxId, eq(lessonProgress.lessonSlug, slug)));
  return row !== undefined;
}
