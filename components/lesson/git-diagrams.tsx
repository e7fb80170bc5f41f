/**
 * Diagrams for the Git and GitHub lessons, drawn as HTML and SVG (no images): each is a figure
 * with a caption, and the SVG graph has a text alternative, so a screen reader gets what the
 * picture shows. Colours follow the site's (emerald, zinc) in both themes.
 */

type Commit = {
  /** Shown beside the dot: a short hash and message, as `git log --oneline` prints them. */
  label: string;
  /** 0 for the left line (main), 1 for a branch beside it. */
  lane: 0 | 1;
  /** Indexes (in `commits`) of its parents; a merge commit has two. */
  parents?: readonly number[];
  /** Branch names pointing at it. */
  refs?: readonly string[];
};

const ROW = 34;
const LANE = 22;
const DOT = 6;

/**
 * A commit graph drawn top to bottom, newest first, as `git log --graph` prints it. `commits` are
 * listed newest first; `summary` says in words what the graph shows.
 */
export function CommitGraph({
  id,
  caption,
  summary,
  commits,
}: {
  id: string;
  caption: string;
  summary: string;
  commits: readonly Commit[];
}) {
  const x = (lane: number) => 12 + lane * LANE;
  const y = (row: number) => 16 + row * ROW;
  const height = y(commits.length - 1) + 16;
  return (
    <figure className="not-prose my-6" data-testid="diagram">
      <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900/60">
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 340 ${height}`}
          className="h-auto w-full max-w-md text-zinc-900 dark:text-zinc-100"
        >
          <title id={`${id}-title`}>{caption}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          {commits.flatMap((commit, row) =>
            (commit.parents ?? []).map((parent) => {
              const to = commits[parent];
              if (!to) return null;
              const [x1, y1, x2, y2] = [x(commit.lane), y(row), x(to.lane), y(parent)];
              const d =
                x1 === x2
                  ? `M${x1} ${y1} V${y2}`
                  : `M${x1} ${y1} C${x1} ${y1 + ROW * 0.6} ${x2} ${y2 - ROW * 0.6} ${x2} ${y2}`;
              return (
                <path
                  key={`${commit.label}>${to.label}`}
                  d={d}
                  fill="none"
                  strokeWidth="2"
                  className={
                    commit.lane === 1 || to.lane === 1
                      ? "stroke-sky-700 dark:stroke-sky-400"
                      : "stroke-emerald-700 dark:stroke-emerald-400"
                  }
                />
              );
            }),
          )}
          {commits.map((commit, row) => (
            <g key={commit.label}>
              <circle
                cx={x(commit.lane)}
                cy={y(row)}
                r={DOT}
                strokeWidth="2"
                className={`fill-white dark:fill-zinc-900 ${commit.lane === 1 ? "stroke-sky-700 dark:stroke-sky-400" : "stroke-emerald-700 dark:stroke-emerald-400"}`}
              />
              <text x={x(1) + 18} y={y(row) + 4} fontSize="12" className="fill-current font-mono">
                {commit.label}
                {commit.refs?.map((ref) => (
                  <tspan key={ref} fontWeight="700" className="fill-current">
                    {` (${ref})`}
                  </tspan>
                ))}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
    </figure>
  );
}

type Step = { title: string; text: string; where: "your machine" | "GitHub" };

/** The path of one change, as an ordered list of steps drawn as cards joined by arrows. */
export function PullRequestFlow({ steps }: { steps: readonly Step[] }) {
  return (
    <figure className="not-prose my-6" data-testid="diagram">
      <ol className="grid gap-2 sm:grid-cols-2">
        {steps.map((step, i) => (
          <li
            key={step.title}
            className="relative rounded-xl border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
          >
            <p className="flex flex-wrap items-baseline justify-between gap-x-2">
              <span className="font-semibold text-zinc-900 dark:text-zinc-100">
                <span className="mr-1.5 inline-flex size-5 items-center justify-center rounded-full bg-emerald-700 text-xs text-white dark:bg-emerald-400 dark:text-zinc-950">
                  {i + 1}
                </span>
                {step.title}
              </span>
              <span
                className={`text-xs font-medium ${step.where === "GitHub" ? "text-sky-800 dark:text-sky-300" : "text-zinc-600 dark:text-zinc-400"}`}
              >
                {step.where === "GitHub" ? "on GitHub" : "on your machine"}
              </span>
            </p>
            <p className="mt-1 text-zinc-700 dark:text-zinc-300">{step.text}</p>
          </li>
        ))}
      </ol>
      <figcaption className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        One change, from issue to merge: {steps.length} steps, in order.
      </figcaption>
    </figure>
  );
}

type Check = { name: string; state: "passed" | "failed" | "running"; note: string };

const STATE = {
  passed: { mark: "✓", word: "Passed", className: "text-emerald-800 dark:text-emerald-300" },
  failed: { mark: "✗", word: "Failed", className: "text-rose-700 dark:text-rose-300" },
  running: { mark: "•", word: "Running", className: "text-amber-800 dark:text-amber-300" },
} as const;

/**
 * The bottom of a pull request page, re-drawn: its reviews and checks, and whether it can be
 * merged. Not a screenshot: GitHub's own page words it in its own way and changes over time.
 */
export function MergeBox({
  caption,
  review,
  checks,
  blocked,
}: {
  caption: string;
  review: string;
  checks: readonly Check[];
  blocked: string | null;
}) {
  return (
    <figure className="not-prose my-6" data-testid="diagram">
      <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white text-sm dark:border-zinc-800 dark:bg-zinc-900/60">
        <p className="border-b border-zinc-200 px-4 py-2.5 font-medium dark:border-zinc-800">
          {review}
        </p>
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {checks.map((check) => {
            const state = STATE[check.state];
            return (
              <li key={check.name} className="flex flex-wrap items-baseline gap-x-2 px-4 py-2">
                <span className={`font-semibold ${state.className}`}>
                  <span aria-hidden>{state.mark} </span>
                  {state.word}
                </span>
                <code className="font-mono text-[13px]">{check.name}</code>
                <span className="text-zinc-600 dark:text-zinc-400">{check.note}</span>
              </li>
            );
          })}
        </ul>
        <p
          className={`px-4 py-2.5 font-semibold ${blocked ? "bg-rose-50 text-rose-800 dark:bg-rose-950/40 dark:text-rose-200" : "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"}`}
        >
          {blocked ?? "All checks have passed and the review is approved: ready to merge."}
        </p>
      </div>
      <figcaption className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
    </figure>
  );
}
