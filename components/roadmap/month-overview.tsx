import type { Month } from "@/content/roadmap";

export type MonthSummary = { month: Month; written: number; done: number };

/** The six months at a glance, each a jump link to its section below. */
export function MonthOverview({ months }: { months: MonthSummary[] }) {
  return (
    <nav aria-label="Months">
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {months.map(({ month, written, done }) => (
          <li key={month.number}>
            <a
              href={`#month-${month.number}`}
              className="flex h-full flex-col rounded-xl border border-zinc-200 bg-white px-3 py-2.5 transition-colors hover:border-emerald-500/60 hover:bg-emerald-50/50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 dark:border-zinc-800 dark:bg-zinc-900/60 dark:hover:border-emerald-500/50 dark:hover:bg-emerald-500/5"
            >
              <span className="font-mono text-[0.6875rem] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
                Month {month.number}
              </span>
              <span className="mt-0.5 text-sm leading-5 font-medium text-zinc-900 dark:text-zinc-100">
                {shortTitle(month.title)}
              </span>
              <span
                className={`mt-auto pt-1.5 text-xs tabular-nums ${written > 0 ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-500 dark:text-zinc-400"}`}
              >
                {written > 0 ? `${done}/${written} done` : "Upcoming"}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** "Backend Frameworks & Databases" → "Backend Frameworks"; the full title heads the section. */
function shortTitle(title: string): string {
  return title.split(" & ")[0] ?? title;
}
