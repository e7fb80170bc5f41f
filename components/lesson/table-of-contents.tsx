"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { TocEntry } from "@/lib/mdx/toc";

/**
 * A heading's section is the current one once the heading has scrolled above this line (px from
 * the top of the viewport): below the site header and the phone's contents bar, a little under
 * where a jump to the heading lands it.
 */
const READING_LINE = 140;

/** The entry of the section being read: the last heading above the reading line, or at the very
 * bottom of the page (where later headings can never reach the line) the last one in view. */
function currentSection(headings: HTMLElement[]): string | undefined {
  const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
  let current: string | undefined;
  for (const heading of headings) {
    const top = heading.getBoundingClientRect().top;
    if (top <= READING_LINE || (atBottom && top < window.innerHeight)) current = heading.id;
    else break;
  }
  return current;
}

/**
 * "On this page", once per page: on a phone a bar that stays under the site header, naming the
 * section being read and opening the list; from lg up a sidebar that follows the reader. Either
 * way the current section is marked (aria-current) and kept in view inside the list, which
 * scrolls on its own when it is taller than the screen, so its last entry is always reachable.
 */
export function TableOfContents({ toc }: { toc: TocEntry[] }) {
  const [active, setActive] = useState<string>();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);

  useEffect(() => {
    const headings = toc
      .map((entry) => document.getElementById(entry.id))
      .filter((heading): heading is HTMLElement => heading !== null);
    let frame = 0;
    const update = () => {
      frame = 0;
      setActive(currentSection(headings));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, [toc]);

  // Keep the current entry inside the list's own scroll area (never the page's).
  useEffect(() => {
    const box = scroller.current;
    const link = active ? box?.querySelector(`[data-toc-id="${CSS.escape(active)}"]`) : null;
    // A closed list on a phone has no size: it is brought to the entry when it opens.
    if (!box || !link || (!open && box.clientHeight === 0)) return;
    const outer = box.getBoundingClientRect();
    const inner = link.getBoundingClientRect();
    if (inner.top < outer.top + 8 || inner.bottom > outer.bottom - 8) {
      box.scrollTop += inner.top - outer.top - box.clientHeight / 3;
    }
  }, [active, open]);

  // The phone's list closes on Escape (focus back on its button) and on a tap elsewhere.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  if (toc.length === 0) return null;
  const current = toc.find((entry) => entry.id === active);
  return (
    <nav
      ref={nav}
      aria-label="On this page"
      data-testid="toc"
      className="sticky top-14 z-20 -mx-4 border-b border-zinc-200 bg-white/95 text-sm backdrop-blur sm:-mx-6 dark:border-zinc-800 dark:bg-zinc-950/95 lg:top-20 lg:order-last lg:mx-0 lg:flex lg:max-h-[calc(100vh-6rem)] lg:w-60 lg:shrink-0 lg:flex-col lg:self-start lg:border-0 lg:bg-transparent lg:backdrop-blur-none dark:lg:bg-transparent"
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
        className="flex w-full items-center gap-2 px-4 py-2.5 text-left sm:px-6 lg:hidden"
      >
        <span className="shrink-0 font-semibold text-zinc-900 dark:text-zinc-100">
          On this page
        </span>
        {current && (
          <span
            data-testid="toc-current"
            className="min-w-0 flex-1 truncate text-zinc-600 dark:text-zinc-400"
          >
            <span aria-hidden>· </span>
            {current.text}
          </span>
        )}
        <svg
          aria-hidden
          viewBox="0 0 20 20"
          className={`ml-auto size-4 shrink-0 text-zinc-500 transition-transform ${open ? "rotate-180" : ""}`}
        >
          <path
            d="m5 7.5 5 5 5-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      <p className="mb-3 hidden font-semibold text-zinc-900 lg:block dark:text-zinc-100">
        On this page
      </p>
      <div
        ref={scroller}
        id={listId}
        className={`${open ? "block" : "hidden"} absolute inset-x-0 top-full max-h-[min(70vh,32rem)] overflow-y-auto overscroll-contain border-b border-zinc-200 bg-white px-4 py-3 shadow-lg sm:px-6 dark:border-zinc-700 dark:bg-zinc-900 dark:shadow-black/60 lg:static lg:block lg:max-h-none lg:min-h-0 lg:flex-1 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none dark:lg:bg-transparent`}
      >
        <ol className="space-y-0.5 border-l border-zinc-200 dark:border-zinc-800">
          {toc.map((entry) => {
            const isCurrent = entry.id === active;
            return (
              <li key={entry.id}>
                <a
                  href={`#${entry.id}`}
                  data-toc-id={entry.id}
                  aria-current={isCurrent ? "location" : undefined}
                  onClick={() => setOpen(false)}
                  className={`-ml-px block border-l-2 py-1 pr-2 leading-5 ${entry.depth === 3 ? "pl-6" : "pl-3"} ${
                    isCurrent
                      ? "border-emerald-600 font-medium text-emerald-800 dark:border-emerald-400 dark:text-emerald-300"
                      : "border-transparent text-zinc-600 hover:border-zinc-400 hover:text-zinc-900 dark:text-zinc-400 dark:hover:border-zinc-500 dark:hover:text-zinc-100"
                  }`}
                >
                  {entry.text}
                </a>
              </li>
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
