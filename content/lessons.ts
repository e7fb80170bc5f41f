import { z } from "zod";
import type { Operation } from "@/lib/http/contract";
import type { LessonManifest } from "@/lib/lessons/define";
import type { LessonPage } from "@/lib/lessons/page";
import { manifests, pages } from "./lessons/index.generated";
import { type PlannedLesson, plannedLessons, type ResolvedLesson } from "./roadmap";

/**
 * The lesson registry, derived: every folder of content/lessons that declares a lesson in its
 * `lesson.ts` (see lib/lessons/generate-registry.mjs), in the roadmap's reading order, with the
 * month and weeks the roadmap plans it for. Nothing here lists lessons by hand.
 */

/** What a lesson page's header and the roadmap show. */
export type LessonMeta = {
  slug: string;
  title: string;
  month: number;
  /** The roadmap weeks it covers, e.g. "3-4". */
  weeks: string;
  summary: string;
  objectives: readonly string[];
  endpoints: { method: string; path: string; summary: string }[];
  minutes: number;
};

export type Lesson = Required<
  Pick<LessonManifest, "examples" | "checks" | "explains" | "api" | "quizzes">
> &
  Pick<LessonManifest, "data"> & { meta: LessonMeta };

const manifestShape = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case"),
  title: z.string().min(1),
  summary: z.string().min(1),
  objectives: z.array(z.string().min(1)).min(1),
  minutes: z.number().int().positive(),
});

function load(
  folder: string,
  manifest: LessonManifest,
  plan: ReturnType<typeof plannedLessons>[number],
): Lesson {
  const parsed = manifestShape.safeParse(manifest);
  if (!parsed.success)
    throw new Error(`content/lessons/${folder}/lesson.ts: ${z.prettifyError(parsed.error)}`);
  if (manifest.slug !== folder)
    throw new Error(
      `content/lessons/${folder}/lesson.ts: slug "${manifest.slug}" must be its folder's name`,
    );
  const api: readonly Operation[] = manifest.api ?? [];
  return {
    meta: {
      slug: manifest.slug,
      title: manifest.title,
      month: plan.month,
      weeks: plan.weeks,
      summary: manifest.summary,
      objectives: manifest.objectives,
      endpoints: api.map(({ method, path, summary }) => ({ method, path, summary })),
      minutes: manifest.minutes,
    },
    api,
    data: manifest.data,
    examples: manifest.examples ?? {},
    checks: manifest.checks ?? [],
    quizzes: manifest.quizzes ?? [],
    explains: manifest.explains ?? {},
  };
}

function registry(): Lesson[] {
  const declared: Record<string, LessonManifest> = manifests;
  const planned = plannedLessons();
  const unplanned = Object.keys(declared).filter((slug) => !planned.some((p) => p.slug === slug));
  if (unplanned.length > 0)
    throw new Error(`content/lessons: ${unplanned.join(", ")} not planned in content/roadmap.ts`);
  const loaded = planned.flatMap((plan) => {
    const manifest = declared[plan.slug];
    return manifest ? [load(plan.slug, manifest, plan)] : [];
  });
  // A quiz's id is its URL (/api/v1/quizzes/{quizId}/attempts): one quiz per id.
  const quizIds = loaded.flatMap((lesson) => lesson.quizzes.map((quiz) => quiz.id));
  const twice = quizIds.filter((id, i) => quizIds.indexOf(id) !== i);
  if (twice.length > 0)
    throw new Error(`content/lessons: quiz ids used twice: ${twice.join(", ")}`);
  return loaded;
}

/** Every written lesson, in reading order. */
export const lessons: Lesson[] = registry();

export const lessonSlugs: readonly string[] = lessons.map((lesson) => lesson.meta.slug);

export function findLesson(slug: string): Lesson | undefined {
  return lessons.find((lesson) => lesson.meta.slug === slug);
}

/** The lesson's compiled page (its MDX), loaded on demand. */
export async function loadLessonPage(slug: string): Promise<LessonPage | undefined> {
  return Object.hasOwn(pages, slug) ? pages[slug]?.() : undefined;
}

/** The lessons before and after `slug` in reading order. */
export function neighbours(slug: string): { prev?: Lesson; next?: Lesson } {
  const i = lessons.findIndex((lesson) => lesson.meta.slug === slug);
  return { prev: lessons[i - 1], next: i >= 0 ? lessons[i + 1] : undefined };
}

export function resolveLesson(planned: PlannedLesson): ResolvedLesson {
  const lesson = findLesson(planned.slug);
  if (!lesson) return { status: "upcoming", ...planned };
  const { slug, title, minutes, summary } = lesson.meta;
  return { status: "written", slug, title, minutes, summary };
}
