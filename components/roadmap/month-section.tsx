import type { Month, ResolvedLesson } from "@/content/roadmap";
import { weekSpan } from "@/content/roadmap";
import { CheckIcon, HammerIcon } from "./icons";
import { RichText } from "./rich-text";
import { WeekBlock } from "./week-block";

/** One month on the timeline: its number on the rail, then objective, topics, projects, weeks. */
export function MonthSection({
  month,
  lessons,
  done,
  next,
  last,
}: {
  month: Month;
  /** The month's planned lessons, resolved, one list per week block. */
  lessons: ResolvedLesson[][];
  done: ReadonlySet<string>;
  /** The learner's next lesson (written or coming), marked in its week. */
  next?: string;
  last: boolean;
}) {
  const written = lessons.flat().filter((lesson) => lesson.status === "written");
  const doneCount = written.filter((lesson) => done.has(lesson.slug)).length;
  const complete = written.length > 0 && doneCount === written.length;
  const firstWeek = weekSpan(month.weekBlocks[0]?.weeks ?? "0-0")[0];
  const lastWeek = weekSpan(month.weekBlocks.at(-1)?.weeks ?? "0-0")[1];
  const id = `month-${month.number}`;

  return (
    <section
      id={id}
      data-testid={id}
      aria-labelledby={`${id}-title`}
      className="relative scroll-mt-20 pb-14 sm:pl-16"
    >
      {/* The timeline rail (from sm up): a line down to the next month's node. */}
      {!last && (
        <span
          aria-hidden
          className="absolute top-12 bottom-0 left-[1.3125rem] hidden w-px bg-gradient-to-b from-zinc-300 to-zinc-200 sm:block dark:from-zinc-700 dark:to-zinc-800"
        />
      )}
      <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="flex min-w-0 items-start gap-3">
          <MonthNode number={month.number} complete={complete} started={written.length > 0} />
          <div className="min-w-0">
            <p className="text-xs font-medium tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
              Weeks {firstWeek}–{lastWeek}
            </p>
            <h2
              id={`${id}-title`}
              className="mt-1 text-xl font-semibold tracking-tight text-balance sm:text-2xl"
            >
              <span className="text-zinc-500 dark:text-zinc-400">Month {month.number}: </span>
              {month.title}
            </h2>
          </div>
        </div>
        <MonthStatus written={written.length} done={doneCount} />
      </header>

      <p className="mt-3 max-w-3xl text-[0.9375rem] leading-7 text-zinc-600 dark:text-zinc-300">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">Objective: </span>
        <RichText text={month.objective} />
      </p>
      {month.stack && (
        <p className="mt-2 max-w-3xl text-sm leading-6 text-zinc-600 dark:text-zinc-400">
          <span className="font-medium text-zinc-900 dark:text-zinc-100">
            {month.stack.label}:{" "}
          </span>
          <RichText text={month.stack.text} />
        </p>
      )}

      <div className="mt-6 grid gap-6 md:grid-cols-[3fr_2fr]">
        <div>
          <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Key topics</h3>
          <ul className="mt-2 space-y-1.5 text-sm leading-6 text-zinc-600 dark:text-zinc-400">
            {month.keyTopics.map((topic) => (
              <li key={topic} className="flex gap-2.5">
                <span
                  aria-hidden
                  className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-emerald-500/70"
                />
                <span>
                  <RichText text={topic} />
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div className="self-start rounded-xl border border-amber-200/70 bg-amber-50/60 p-4 dark:border-amber-400/15 dark:bg-amber-400/5">
          <h3 className="flex items-center gap-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            <HammerIcon className="h-4 w-4 text-amber-600 dark:text-amber-400" />
            Mini-projects
          </h3>
          <ul className="mt-2 space-y-1.5 text-sm leading-6 text-zinc-600 dark:text-zinc-400">
            {month.miniProjects.map((project) => (
              <li key={project} className="flex gap-2.5">
                <span aria-hidden className="mt-2 h-1.5 w-1.5 shrink-0 rotate-45 bg-amber-500/80" />
                <span>
                  <RichText text={project} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>

      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        {month.weekBlocks.map((block, i) => (
          <WeekBlock
            key={block.weeks}
            block={block}
            lessons={lessons[i] ?? []}
            done={done}
            next={next}
          />
        ))}
      </div>
    </section>
  );
}

/** The month's number on the rail: filled once every written lesson is done. */
function MonthNode({
  number,
  complete,
  started,
}: {
  number: number;
  complete: boolean;
  started: boolean;
}) {
  const look = complete
    ? "bg-emerald-600 text-white dark:bg-emerald-500 dark:text-zinc-950"
    : started
      ? "border-2 border-emerald-600 bg-white text-emerald-700 dark:border-emerald-500 dark:bg-zinc-950 dark:text-emerald-400"
      : "border border-zinc-300 bg-white text-zinc-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-400";
  return (
    <span
      aria-hidden
      className={`grid h-9 w-9 shrink-0 place-items-center rounded-full font-mono text-sm font-semibold ring-4 ring-white sm:absolute sm:top-0 sm:left-0 sm:h-11 sm:w-11 sm:text-base dark:ring-zinc-950 ${look}`}
    >
      {complete ? <CheckIcon className="h-5 w-5" /> : number}
    </span>
  );
}

function MonthStatus({ written, done }: { written: number; done: number }) {
  if (written === 0) {
    return (
      <p className="rounded-full border border-zinc-200 px-2.5 py-0.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        Lessons upcoming
      </p>
    );
  }
  return (
    <p className="rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 tabular-nums ring-1 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-300 dark:ring-emerald-400/20">
      {done} of {written} written {written === 1 ? "lesson" : "lessons"} done
    </p>
  );
}
