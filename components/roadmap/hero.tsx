import { IntentLink } from "@/components/ui/intent-link";
import type { NextStep } from "@/content/next-step";
import { weekSpan } from "@/content/roadmap";
import { ArrowRightIcon, CheckIcon } from "./icons";
import { nextStepLink } from "./next-step";
import { RequestPreview } from "./request-preview";

const primary =
  "inline-flex items-center gap-2 rounded-lg bg-emerald-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 dark:bg-emerald-500 dark:text-zinc-950 dark:hover:bg-emerald-400";
const secondary =
  "inline-flex items-center gap-2 rounded-lg border border-zinc-300 bg-white px-4 py-2.5 text-sm font-semibold text-zinc-800 shadow-xs transition-colors hover:border-zinc-400 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:border-zinc-600 dark:hover:bg-zinc-800";

/**
 * What this is, in one line, and the way in: the learner's next lesson ("Start" before their
 * first request, "Continue" after), or, with every written lesson done, what is coming and what
 * to do meanwhile.
 */
export function Hero({
  step,
  started,
  meanwhileMonth,
}: {
  step: NextStep;
  started: boolean;
  /** The month of the last written lesson, whose mini-projects fill the wait for the next. */
  meanwhileMonth?: number;
}) {
  const next = nextStepLink(step, started);
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
        {step.kind === "lesson" || !next ? (
          <div className="mt-8 flex flex-wrap items-center gap-3">
            {next && (
              <IntentLink href={next.href} data-testid="hero-next" className={primary}>
                {next.verb}: {next.title}
                <ArrowRightIcon className="h-4 w-4" />
              </IntentLink>
            )}
            <IntentLink href="/sandbox" className={secondary}>
              Your sandbox
            </IntentLink>
          </div>
        ) : (
          <div className="mt-8 max-w-xl">
            <p
              data-testid="hero-next"
              className="flex gap-3 rounded-xl border border-emerald-600/20 bg-emerald-50/70 p-4 text-sm leading-6 text-zinc-700 dark:border-emerald-400/20 dark:bg-emerald-500/10 dark:text-zinc-300"
            >
              <CheckIcon className="mt-0.5 h-5 w-5 shrink-0 text-emerald-700 dark:text-emerald-400" />
              <span>
                You have done every lesson written so far.{" "}
                <IntentLink
                  href={next.href}
                  className="font-semibold text-zinc-900 underline decoration-emerald-600/40 underline-offset-2 hover:decoration-emerald-600 dark:text-zinc-100"
                >
                  {next.verb}: {next.title}
                </IntentLink>
                {step.kind === "upcoming" &&
                  ` (Month ${step.lesson.month}, weeks ${weekSpan(step.lesson.weeks).join("–")}), not written yet.`}{" "}
                {meanwhileMonth &&
                  `Meanwhile, build Month ${meanwhileMonth}'s mini-projects in your own stack.`}
              </span>
            </p>
            <div className="mt-4 flex flex-wrap items-center gap-3">
              {meanwhileMonth && (
                <IntentLink href={`/#month-${meanwhileMonth}`} className={primary}>
                  Month {meanwhileMonth} mini-projects
                  <ArrowRightIcon className="h-4 w-4" />
                </IntentLink>
              )}
              <IntentLink href="/sandbox" className={secondary}>
                Your sandbox
              </IntentLink>
            </div>
          </div>
        )}
      </div>
      <RequestPreview />
    </section>
  );
}
