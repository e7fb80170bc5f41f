import { IntentLink } from "@/components/ui/intent-link";
import { ArrowRightIcon } from "./icons";

/** Lessons done out of lessons written, the learner's next step, and where progress is kept. */
export function ProgressSummary({
  done,
  written,
  planned,
  hasSandbox,
  next,
}: {
  done: number;
  written: number;
  planned: number;
  hasSandbox: boolean;
  next?: { verb: string; title: string; href: string };
}) {
  const percent = written === 0 ? 0 : Math.round((done / written) * 100);
  return (
    <section
      aria-labelledby="progress-title"
      data-testid="roadmap-progress"
      className="rounded-2xl border border-zinc-200 bg-white p-5 shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h2 id="progress-title" className="text-sm font-semibold">
          Your progress
        </h2>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {written} of {planned} planned lessons written so far
        </p>
      </div>
      <p className="mt-3 flex items-baseline gap-2">
        <span className="text-3xl font-semibold tracking-tight tabular-nums">
          {done}
          <span className="text-zinc-500"> / {written}</span>
        </span>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">lessons done</span>
      </p>
      <progress
        value={done}
        max={Math.max(written, 1)}
        aria-label={`${done} of ${written} written lessons done`}
        className="sr-only"
      />
      <div
        aria-hidden
        className="mt-3 h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
      >
        <div
          className="h-full rounded-full bg-emerald-500 transition-[width]"
          style={{ width: `${percent}%` }}
        />
      </div>
      {next && (
        <IntentLink
          href={next.href}
          data-testid="roadmap-next"
          className="group mt-4 flex items-center justify-between gap-3 rounded-lg border border-emerald-600/25 bg-emerald-50/60 px-3 py-2 text-sm font-medium text-emerald-900 transition-colors hover:border-emerald-600/50 hover:bg-emerald-50 dark:border-emerald-400/20 dark:bg-emerald-500/10 dark:text-emerald-200 dark:hover:border-emerald-400/40"
        >
          <span>
            {next.verb}: {next.title}
          </span>
          <ArrowRightIcon className="h-4 w-4 shrink-0 transition-transform group-hover:translate-x-0.5" />
        </IntentLink>
      )}
      <p className="mt-3 text-xs leading-5 text-zinc-500 dark:text-zinc-400">
        {hasSandbox ? (
          <>
            Kept in your sandbox.{" "}
            <IntentLink
              href="/sandbox"
              className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
            >
              See its requests and data
            </IntentLink>
          </>
        ) : (
          "Your sandbox is created with your first request in a lesson; progress is kept there."
        )}
      </p>
    </section>
  );
}
