import Link from "next/link";

/** Lessons done out of lessons written, and where that progress is kept. */
export function ProgressSummary({
  done,
  written,
  planned,
  hasSandbox,
}: {
  done: number;
  written: number;
  planned: number;
  hasSandbox: boolean;
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
      <p className="mt-3 text-xs leading-5 text-zinc-500 dark:text-zinc-400">
        {hasSandbox ? (
          <>
            Kept in your sandbox.{" "}
            <Link
              href="/sandbox"
              className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
            >
              See its requests and data
            </Link>
          </>
        ) : (
          "Your sandbox is created with your first request in a lesson; progress is kept there."
        )}
      </p>
    </section>
  );
}
