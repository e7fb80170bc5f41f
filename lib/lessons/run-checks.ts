import type { Lesson } from "@/content/lessons";
import { getDb } from "@/db";
import { logger } from "@/lib/logger";
import type { CheckReport } from "@/lib/progress/contract";
import { markLessonDone } from "@/lib/progress/service";
import { listRequestLog, REQUEST_LOG_KEEP } from "@/lib/sandbox/request-log";

/**
 * Runs a lesson's checks on one sandbox — its rows and its request log — and marks the lesson
 * done when every check passes. A check that throws counts as failed (and is logged: it is a bug).
 */
export async function runChecks({
  lesson,
  sandboxId,
}: {
  lesson: Lesson;
  sandboxId: string;
}): Promise<CheckReport> {
  const db = await getDb();
  const log = await listRequestLog({ sandboxId, limit: REQUEST_LOG_KEEP });
  const checks = await Promise.all(
    lesson.checks.map(async (check) => {
      let passed = false;
      try {
        passed = await check.test({ sandboxId, log, db });
      } catch (error) {
        logger.error({ err: error, check: check.id }, "a lesson check failed to run");
      }
      return {
        id: check.id,
        title: check.title,
        passed,
        ...(passed ? {} : { hint: check.hint }),
      };
    }),
  );
  const passed = checks.length > 0 && checks.every((check) => check.passed);
  if (passed) await markLessonDone({ sandboxId, slug: lesson.meta.slug });
  return { slug: lesson.meta.slug, passed, checks };
}
