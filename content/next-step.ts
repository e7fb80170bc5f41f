import { type Lesson, lessons } from "./lessons";
import { plannedLessons } from "./roadmap";

/** A lesson the roadmap plans that is not written yet, and where the plan puts it. */
export type UpcomingLesson = ReturnType<typeof plannedLessons>[number];

/**
 * Where a learner goes next: a written lesson, or, past the last written one, the lesson the
 * roadmap plans next (coming, not written yet), or nothing at all once the plan is finished.
 */
export type NextStep =
  | { kind: "lesson"; lesson: Lesson }
  | { kind: "upcoming"; lesson: UpcomingLesson }
  | { kind: "finished" };

/** The step after `slug` in reading order. */
export function stepAfter(slug: string): NextStep {
  const i = lessons.findIndex((lesson) => lesson.meta.slug === slug);
  const next = i >= 0 ? lessons[i + 1] : undefined;
  if (next) return { kind: "lesson", lesson: next };
  const planned = plannedLessons();
  const upcoming = planned
    .slice(planned.findIndex((plan) => plan.slug === slug) + 1)
    .find((plan) => !lessons.some((lesson) => lesson.meta.slug === plan.slug));
  return upcoming ? { kind: "upcoming", lesson: upcoming } : { kind: "finished" };
}

/**
 * Where a learner with these lessons done goes next: the first written lesson not done yet, in
 * reading order; once every written lesson is done, what the roadmap plans after the last one.
 */
export function stepFor(done: ReadonlySet<string>): NextStep {
  const todo = lessons.find((lesson) => !done.has(lesson.meta.slug));
  if (todo) return { kind: "lesson", lesson: todo };
  const last = lessons.at(-1);
  return last ? stepAfter(last.meta.slug) : { kind: "finished" };
}
