import type { WeekBlock as Block, ResolvedLesson } from "@/content/roadmap";
import { weekSpan } from "@/content/roadmap";
import { LessonItem } from "./lesson-item";
import { RichText } from "./rich-text";

/** Two weeks of a month: what to study, then the lessons that teach it. */
export function WeekBlock({
  block,
  lessons,
  done,
  next,
}: {
  block: Block;
  lessons: ResolvedLesson[];
  done: ReadonlySet<string>;
  next?: string;
}) {
  const [first, last] = weekSpan(block.weeks);
  return (
    <div className="flex flex-col rounded-xl border border-zinc-200 bg-zinc-50/70 p-3 sm:p-4 dark:border-zinc-800 dark:bg-zinc-900/40">
      <h3 className="font-mono text-xs font-semibold tracking-wider text-emerald-700 uppercase dark:text-emerald-400">
        Weeks {first}–{last}
      </h3>
      <ul className="mt-2 space-y-1.5 text-sm leading-6 text-zinc-600 dark:text-zinc-400">
        {block.topics.map((topic) => (
          <li key={topic} className="flex gap-2">
            <span
              aria-hidden
              className="mt-2.5 h-1 w-1 shrink-0 rounded-full bg-zinc-400 dark:bg-zinc-600"
            />
            <span>
              <RichText text={topic} />
            </span>
          </li>
        ))}
      </ul>
      <h4 className="sr-only">Lessons</h4>
      <ul className="mt-4 space-y-2">
        {lessons.map((lesson) => (
          <LessonItem
            key={lesson.slug}
            lesson={lesson}
            done={done.has(lesson.slug)}
            next={lesson.slug === next}
          />
        ))}
      </ul>
    </div>
  );
}
