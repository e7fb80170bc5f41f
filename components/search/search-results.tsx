import Link from "next/link";
import { Fragment } from "react";
import type { PageHit, SearchHits, Segment } from "@/lib/search/query";

/** Text with the words the query matched marked. */
function Marked({ segments }: { segments: Segment[] }) {
  let at = 0;
  return segments.map((segment) => {
    // Where a segment starts in the text is what tells it apart.
    const key = at;
    at += segment.text.length;
    return segment.hit ? (
      <mark
        key={key}
        className="rounded-sm bg-amber-100 px-px text-zinc-900 dark:bg-amber-300/20 dark:text-amber-100"
      >
        {segment.text}
      </mark>
    ) : (
      <Fragment key={key}>{segment.text}</Fragment>
    );
  });
}

const crumb = (hit: PageHit) =>
  hit.kind === "lesson" ? "Lesson" : [hit.lesson, hit.parent].filter(Boolean).join(" › ");

type Props = {
  hits: SearchHits;
  active: number;
  listId: string;
  optionId: (index: number) => string;
  /** A result was followed (the link navigates on its own). */
  onPick: () => void;
  onPoint: (index: number) => void;
};

/**
 * The results: written lessons and sections as the options of the search box's listbox, each a
 * link to its heading; planned lessons below, as text (there is no page to go to yet).
 */
export function SearchResults({ hits, active, listId, optionId, onPick, onPoint }: Props) {
  return (
    <>
      {hits.pages.length > 0 && (
        <div role="listbox" id={listId} aria-label="Lessons and sections" className="space-y-0.5">
          {hits.pages.map((hit, i) => (
            <Link
              key={hit.id}
              href={hit.href}
              role="option"
              id={optionId(i)}
              aria-selected={i === active}
              tabIndex={-1}
              onClick={(e) => {
                // A new tab or window leaves the search where it was.
                if (!(e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0)) onPick();
              }}
              onMouseMove={() => onPoint(i)}
              data-testid="search-result"
              className="block scroll-my-2 rounded-lg px-3 py-2 text-zinc-900 aria-selected:bg-emerald-50 dark:text-zinc-100 dark:aria-selected:bg-emerald-950/60"
            >
              <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">
                {crumb(hit)}
              </span>
              <span className="block font-medium">
                <Marked segments={hit.heading} />
              </span>
              {hit.snippet.length > 0 && (
                <span className="mt-0.5 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">
                  <Marked segments={hit.snippet} />
                </span>
              )}
            </Link>
          ))}
        </div>
      )}
      {hits.planned.length > 0 && (
        <div
          className={`px-3 py-2 ${hits.pages.length > 0 ? "mt-2 border-t border-zinc-200 pt-3 dark:border-zinc-800" : ""}`}
        >
          <p
            id={`${listId}-planned`}
            className="text-xs font-medium text-zinc-600 uppercase tracking-wide dark:text-zinc-400"
          >
            Coming later
          </p>
          <ul aria-labelledby={`${listId}-planned`} className="mt-1">
            {hits.planned.map((plan) => (
              <li
                key={plan.id}
                data-testid="search-planned"
                className="flex items-baseline justify-between gap-3 py-1 text-sm text-zinc-700 dark:text-zinc-300"
              >
                <span>
                  <Marked segments={plan.title} />
                </span>
                <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">
                  Month {plan.month} · weeks {plan.weeks}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
