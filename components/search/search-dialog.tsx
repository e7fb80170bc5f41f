"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { LessonSearch, SearchHits, searchLessons } from "@/lib/search/query";
import { SearchIcon } from "./search-icon";
import { SearchResults } from "./search-results";

type Engine = { index: LessonSearch; search: typeof searchLessons };

let loading: Promise<Engine> | undefined;

/**
 * Loads the search library and the index built with the site, once: neither is part of the page's
 * own JavaScript. A failed load is tried again the next time.
 */
export function preloadSearch(): Promise<Engine> {
  if (!loading) {
    loading = import("@/lib/search/query").then(async (query) => ({
      index: await query.loadLessonSearch(),
      search: query.searchLessons,
    }));
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

const NO_HITS: SearchHits = { pages: [], planned: [] };

const kbdClass =
  "rounded border border-zinc-300 px-1 font-sans text-[11px] text-zinc-600 dark:border-zinc-700 dark:text-zinc-400";

/**
 * The search dialog: a modal (so focus stays in it, Escape closes it and focus goes back where
 * it was) with a combobox whose options are the matching lessons and sections.
 */
export function SearchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLElement>(null);
  const router = useRouter();
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;
  const [query, setQuery] = useState("");
  const [engine, setEngine] = useState<Engine | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (!open) {
      if (el.open) el.close();
      return;
    }
    if (!el.open) el.showModal();
    // Opened again, the last query is still there, selected so typing replaces it.
    input.current?.select();
    setActive(0);
    // The page behind stays where it is while the results scroll.
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = overflow;
    };
  }, [open]);

  const load = useCallback(() => {
    setFailed(false);
    preloadSearch().then(setEngine, () => setFailed(true));
  }, []);

  useEffect(() => {
    if (open && !engine) load();
  }, [open, engine, load]);

  const hits = useMemo(
    () => (engine ? engine.search(engine.index, query) : NO_HITS),
    [engine, query],
  );
  const count = hits.pages.length;
  const selected = Math.min(active, count - 1);

  const go = (href: string) => {
    onClose();
    const target = new URL(href, window.location.href);
    if (target.pathname === window.location.pathname && target.hash === window.location.hash) {
      // Already there: the router would not move, so bring the heading back into view.
      document.getElementById(decodeURIComponent(target.hash.slice(1)))?.scrollIntoView();
    } else {
      router.push(href);
    }
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && count > 0) {
      e.preventDefault();
      const next = (selected + (e.key === "ArrowDown" ? 1 : count - 1)) % count;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
    } else if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      const hit = hits.pages[selected];
      if (!hit) return;
      e.preventDefault();
      go(hit.href);
    }
  };

  const planned = hits.planned.length;
  const status = failed
    ? "The search index could not be loaded."
    : !engine
      ? "Loading the search index…"
      : !query.trim()
        ? "Search headings and text of every lesson."
        : count + planned === 0
          ? `Nothing matches “${query.trim()}”.`
          : [
              count > 0 && `${count} ${count === 1 ? "result" : "results"}`,
              planned > 0 && `${planned} coming later`,
            ]
              .filter(Boolean)
              .join(", ");

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes, as Escape does.
    <dialog
      ref={dialog}
      aria-label="Search lessons"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      data-testid="search-dialog"
      className="m-0 mx-auto mt-2 w-[calc(100%-1rem)] max-w-xl overflow-hidden rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl shadow-zinc-950/20 backdrop:bg-zinc-950/40 sm:mt-[12vh] dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:backdrop:bg-black/60"
    >
      <div className="flex max-h-[min(36rem,calc(100dvh-1rem))] flex-col sm:max-h-[min(36rem,76dvh)]">
        <div className="flex items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
          <SearchIcon className="h-5 w-5 shrink-0 text-zinc-500 dark:text-zinc-400" />
          <input
            ref={input}
            type="text"
            role="combobox"
            aria-label="Search lessons"
            aria-autocomplete="list"
            aria-expanded={count > 0}
            aria-controls={count > 0 ? listId : undefined}
            aria-activedescendant={selected >= 0 ? optionId(selected) : undefined}
            placeholder="Search lessons"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="go"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              results.current?.scrollTo({ top: 0 });
            }}
            onKeyDown={onKeyDown}
            className="h-12 min-w-0 flex-1 bg-transparent text-base text-zinc-900 outline-none placeholder:text-zinc-500 dark:text-zinc-100 dark:placeholder:text-zinc-400"
          />
          <button
            type="button"
            onClick={onClose}
            aria-label="Close search"
            className="shrink-0 rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:focus-visible:outline-emerald-400"
          >
            <span className="pointer-fine:hidden">Close</span>
            <kbd className={`hidden pointer-fine:inline ${kbdClass}`}>Esc</kbd>
          </button>
        </div>
        {(count > 0 || planned > 0) && (
          // Focusable, so the keyboard can scroll to what the arrows do not reach (planned lessons).
          <section
            ref={results}
            aria-label="Search results"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard.
            tabIndex={0}
            className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-2 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-emerald-700 dark:focus-visible:outline-emerald-400"
          >
            <SearchResults
              hits={hits}
              active={selected}
              listId={listId}
              optionId={optionId}
              onPick={onClose}
              onPoint={setActive}
            />
          </section>
        )}
        <div className="flex items-center justify-between gap-3 border-t border-zinc-200 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <p role="status" data-testid="search-status">
            {status}
            {failed && (
              <button
                type="button"
                onClick={load}
                className="ml-2 font-medium text-emerald-700 underline dark:text-emerald-400"
              >
                Try again
              </button>
            )}
          </p>
          <p aria-hidden className="hidden shrink-0 gap-2 pointer-fine:flex">
            <span>
              <kbd className={kbdClass}>↑</kbd> <kbd className={kbdClass}>↓</kbd> move
            </span>
            <span>
              <kbd className={kbdClass}>↵</kbd> open
            </span>
          </p>
        </div>
      </div>
    </dialog>
  );
}
