import type { PgTable } from "drizzle-orm/pg-core";
import type { Example } from "@/content/examples";
import type { Transaction } from "@/db";
import type { Operation } from "@/lib/http/contract";
import type { ProblemKind } from "@/lib/http/problem";
import type { QuizDefinition } from "@/lib/quizzes/define";
import type { Check } from "./checks";

/**
 * Everything a lesson is, declared once in `content/lessons/<slug>/lesson.ts`. The registries —
 * reading order, the seed and reset of every sandbox, the example replay, the checks, the API
 * reference and the problem `type` links — are all derived from these declarations.
 * Month and weeks come from the roadmap (content/roadmap.ts), which plans every lesson.
 */
export type LessonManifest = {
  /** The lesson's one name: its folder under content/lessons, app/api/v1/(<slug>), lib/<slug>, tests/<slug>. */
  slug: string;
  title: string;
  summary: string;
  objectives: readonly string[];
  /** Reading time, with the consoles. */
  minutes: number;
  /** The operations it teaches, in the order the lesson lists them. */
  api?: readonly Operation[];
  /** The sandbox data it owns: its tables (each must cascade on sandbox delete) and their seed. */
  data?: {
    tables: readonly PgTable[];
    seed?: (tx: Transaction, sandboxId: string) => Promise<void>;
  };
  /** Every request the lesson shows, in order; the test suite replays them on a fresh sandbox. */
  examples?: Readonly<Record<string, Example>>;
  /** What "Check my work" verifies in the learner's sandbox; all passed marks the lesson done. */
  checks?: readonly Check[];
  /** Its knowledge checks (lib/quizzes/define.ts), shown in its page with `<Quiz quiz={…} />`. */
  quizzes?: readonly QuizDefinition[];
  /** Problem kinds this lesson explains, and the heading id of the section that does. */
  explains?: Partial<Record<ProblemKind, string>>;
};

/** Declares a lesson, keeping its literal types. */
export function defineLesson<const M extends LessonManifest>(manifest: M): M {
  return manifest;
}
