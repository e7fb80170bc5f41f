import { Children, type ReactNode } from "react";

/**
 * Two things to compare, side by side where the page is wide enough (v1 beside v2) and one
 * above the other on a phone. Each child is a column: a console, or a console and its answer.
 */
export function SideBySide({ children, labels }: { children: ReactNode; labels?: string[] }) {
  return (
    <div data-testid="side-by-side" className="my-6 grid gap-x-4 lg:grid-cols-2">
      {Children.toArray(children).map((child, i) => (
        <div key={labels?.[i] ?? i} className="min-w-0 [&>*:first-child]:mt-0">
          {labels?.[i] && (
            <p className="not-prose mb-2 font-semibold text-sm text-zinc-700 dark:text-zinc-300">
              {labels[i]}
            </p>
          )}
          {child}
        </div>
      ))}
    </div>
  );
}
