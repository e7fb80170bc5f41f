import Link from "next/link";
import type { Lesson } from "@/content/lessons";
import type { NextStep } from "@/content/next-step";
import { roadmap, weekSpan } from "@/content/roadmap";

const card =
  "group flex flex-col rounded-xl border border-zinc-200 p-4 transition hover:border-emerald-500 hover:bg-emerald-50/40 dark:border-zinc-800 dark:hover:border-emerald-500 dark:hover:bg-emerald-950/30";

/** A lesson's own exercises, if it has them, as places to keep going while the next is written. */
const EXERCISES = [
  { id: "try-it-yourself", text: "Do the exercises in “Try it yourself”" },
  { id: "build-it-yourself", text: "Build the same API yourself" },
];

/**
 * How a lesson ends: the next step, then the way back. The next step is the next lesson, or, after
 * the last written one, the lesson the roadmap plans next (not written yet) and what to do
 * meanwhile: this lesson's exercises, the month's mini-projects, the API reference.
 */
export function LessonNav({
  prev,
  step,
  month,
  sections,
}: {
  prev?: Lesson;
  step: NextStep;
  /** The month this lesson belongs to. */
  month: number;
  /** The ids of this lesson's sections, to link the exercises it has. */
  sections: readonly string[];
}) {
  const miniProjects = roadmap.months.find((m) => m.number === month)?.miniProjects ?? [];
  return (
    <nav aria-labelledby="next-step" className="space-y-4">
      <h2
        id="next-step"
        className="scroll-mt-8 text-lg font-semibold text-zinc-900 lg:scroll-mt-2 dark:text-zinc-100"
      >
        What&apos;s next
      </h2>
      {step.kind === "lesson" && (
        <Link
          href={`/learn/${step.lesson.meta.slug}`}
          rel="next"
          data-testid="next-lesson"
          className={`${card} border-emerald-600/40 bg-emerald-50/40 dark:border-emerald-500/30 dark:bg-emerald-950/20`}
        >
          <span className="text-xs font-medium uppercase tracking-wide text-emerald-800 dark:text-emerald-300">
            Next lesson →
          </span>
          <span className="mt-1 text-lg font-semibold text-zinc-900 group-hover:text-emerald-700 dark:text-zinc-100 dark:group-hover:text-emerald-400">
            {step.lesson.meta.title}
          </span>
          <span className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {step.lesson.meta.summary} About {step.lesson.meta.minutes} minutes.
          </span>
        </Link>
      )}
      {step.kind === "upcoming" && (
        <div
          data-testid="next-upcoming"
          className="rounded-xl border border-dashed border-zinc-300 p-4 dark:border-zinc-700"
        >
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
            Coming next · Month {step.lesson.month}, weeks {weekSpan(step.lesson.weeks).join("–")}
          </p>
          <p className="mt-1 text-lg font-semibold text-zinc-900 dark:text-zinc-100">
            {step.lesson.title}
          </p>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            This is the last lesson written so far; the next one on the{" "}
            <Link
              href={`/#month-${step.lesson.month}`}
              className="text-emerald-700 underline underline-offset-2 dark:text-emerald-400"
            >
              roadmap
            </Link>{" "}
            is not written yet. Meanwhile:
          </p>
          <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm text-zinc-700 marker:text-zinc-400 dark:text-zinc-300">
            {EXERCISES.filter((exercise) => sections.includes(exercise.id)).map((exercise) => (
              <li key={exercise.id}>
                <a
                  href={`#${exercise.id}`}
                  className="text-emerald-700 underline underline-offset-2 dark:text-emerald-400"
                >
                  {exercise.text}
                </a>
                .
              </li>
            ))}
            {miniProjects.length > 0 && (
              <li>
                Build one of{" "}
                <Link
                  href={`/#month-${month}`}
                  className="text-emerald-700 underline underline-offset-2 dark:text-emerald-400"
                >
                  Month {month}&apos;s mini-projects
                </Link>{" "}
                in your own stack.
              </li>
            )}
            <li>
              Look up any endpoint you have met in the{" "}
              <Link
                href="/reference"
                className="text-emerald-700 underline underline-offset-2 dark:text-emerald-400"
              >
                API reference
              </Link>
              .
            </li>
          </ul>
        </div>
      )}
      {step.kind === "finished" && (
        <p data-testid="next-finished" className="text-sm text-zinc-700 dark:text-zinc-300">
          This is the last lesson of the roadmap.{" "}
          {roadmap.afterSixMonths.closing.replaceAll("**", "")}
        </p>
      )}
      {prev && (
        <Link
          href={`/learn/${prev.meta.slug}`}
          rel="prev"
          className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-emerald-700 dark:text-zinc-400 dark:hover:text-emerald-400"
        >
          ← Previous: {prev.meta.title}
        </Link>
      )}
    </nav>
  );
}
