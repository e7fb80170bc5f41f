import Link from "next/link";
import { ArrowRightIcon } from "./icons";
import { RequestPreview } from "./request-preview";

/** What this is, in one line, and the two ways in: the first lesson, or the sandbox. */
export function Hero({ firstLesson }: { firstLesson?: { slug: string; title: string } }) {
  return (
    <section
      aria-labelledby="hero-title"
      className="grid items-center gap-10 lg:grid-cols-[1.15fr_1fr] lg:gap-12"
    >
      <div>
        <p className="inline-flex items-center gap-2 rounded-full border border-emerald-600/20 bg-emerald-50 px-3 py-1 text-xs font-medium text-emerald-800 dark:border-emerald-400/20 dark:bg-emerald-500/10 dark:text-emerald-300">
          <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-emerald-500" />A 6-month backend
          roadmap, 24 weeks
        </p>
        <h1
          id="hero-title"
          className="mt-5 text-4xl font-semibold tracking-tight text-balance sm:text-5xl"
        >
          Learn the backend by{" "}
          <span className="text-emerald-600 dark:text-emerald-400">calling it</span>.
        </h1>
        <p className="mt-5 max-w-xl text-lg leading-8 text-pretty text-zinc-600 dark:text-zinc-300">
          Every lesson is a live API you call from the page, on real Postgres, in your own sandbox.
        </p>
        <div className="mt-8 flex flex-wrap items-center gap-3">
          {firstLesson && (
            <Link
              href={`/learn/${firstLesson.slug}`}
              className="inline-flex items-center gap-2 rounded-lg bg-emerald-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 dark:bg-emerald-500 dark:text-zinc-950 dark:hover:bg-emerald-400"
            >
              Start: {firstLesson.title}
              <ArrowRightIcon className="h-4 w-4" />
            </Link>
          )}
          <Link
            href="/sandbox"
            className="inline-flex items-center gap-2 rounded-lg border border-zinc-300 bg-white px-4 py-2.5 text-sm font-semibold text-zinc-800 shadow-xs transition-colors hover:border-zinc-400 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:border-zinc-600 dark:hover:bg-zinc-800"
          >
            Your sandbox
          </Link>
        </div>
      </div>
      <RequestPreview />
    </section>
  );
}
