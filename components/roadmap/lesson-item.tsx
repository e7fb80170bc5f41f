import { IntentLink } from "@/components/ui/intent-link";
import type { ResolvedLesson } from "@/content/roadmap";
import { ArrowRightIcon, CheckIcon, ClockIcon } from "./icons";

/**
 * One planned lesson: a link to a written lesson (with its done mark), or a muted upcoming row.
 * The learner's next step is marked "Up next" (or "Coming next" when it is not written yet).
 */
export function LessonItem({
  lesson,
  done,
  next = false,
}: {
  lesson: ResolvedLesson;
  done: boolean;
  next?: boolean;
}) {
  if (lesson.status === "upcoming") {
    return (
      <li
        data-testid={`lesson-upcoming-${lesson.slug}`}
        className="flex items-center gap-3 rounded-lg border border-dashed border-zinc-200 px-3 py-2 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400"
      >
        <span
          aria-hidden
          className="h-4 w-4 shrink-0 rounded-full border border-dashed border-zinc-300 dark:border-zinc-700"
        />
        <span className="min-w-0 flex-1 text-sm">{lesson.title}</span>
        <span
          className={`shrink-0 rounded-full px-2 py-0.5 text-[0.6875rem] font-medium tracking-wide uppercase ${next ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-300" : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800/80 dark:text-zinc-400"}`}
        >
          {next ? "Coming next" : "Upcoming"}
        </span>
      </li>
    );
  }
  return (
    <li>
      <IntentLink
        href={`/learn/${lesson.slug}`}
        data-testid={`lesson-link-${lesson.slug}`}
        className="group flex items-start gap-3 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 shadow-xs transition-colors hover:border-emerald-500/60 hover:bg-emerald-50/60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 dark:border-zinc-700/80 dark:bg-zinc-900 dark:hover:border-emerald-500/50 dark:hover:bg-emerald-500/5"
      >
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="text-sm font-medium text-zinc-900 group-hover:text-emerald-700 dark:text-zinc-100 dark:group-hover:text-emerald-300">
              {lesson.title}
              {next && (
                <span className="ml-2 inline-block rounded-full bg-emerald-100 px-2 py-0.5 align-[0.0625rem] text-[0.6875rem] font-medium tracking-wide text-emerald-900 uppercase dark:bg-emerald-500/15 dark:text-emerald-300">
                  Up next
                </span>
              )}
            </span>
            <span className="inline-flex shrink-0 items-center gap-1 self-center text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
              <ClockIcon className="h-3.5 w-3.5" />
              {lesson.minutes} min
            </span>
          </span>
          <span className="mt-0.5 line-clamp-2 block text-xs leading-5 text-zinc-500 dark:text-zinc-400">
            {lesson.summary}
          </span>
        </span>
        <ArrowRightIcon className="mt-0.5 h-4 w-4 shrink-0 text-zinc-400 transition-transform group-hover:translate-x-0.5 group-hover:text-emerald-600 dark:text-zinc-500 dark:group-hover:text-emerald-400" />
        {/* Drawn first, read last: the link's name is "<title> … Done". */}
        {done ? (
          <span
            role="img"
            aria-label="Done"
            data-testid={`lesson-done-${lesson.slug}`}
            className="order-first mt-0.5 grid h-4 w-4 shrink-0 place-items-center rounded-full bg-emerald-600 text-white dark:bg-emerald-500 dark:text-zinc-950"
          >
            <CheckIcon className="h-3 w-3" />
          </span>
        ) : (
          <span
            aria-hidden
            className="order-first mt-0.5 h-4 w-4 shrink-0 rounded-full border-2 border-zinc-300 group-hover:border-emerald-500 dark:border-zinc-600"
          />
        )}
      </IntentLink>
    </li>
  );
}
