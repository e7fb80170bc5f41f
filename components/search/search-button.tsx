"use client";

import { useEffect, useState } from "react";
import { preloadSearch, SearchDialog } from "./search-dialog";
import { SearchIcon } from "./search-icon";

/** Where a typed `/` is text, not a shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/**
 * The header's search button, and the shortcuts that open the same dialog from anywhere on the
 * page: `/` (unless it is typed into a field) and Ctrl+K / ⌘K.
 */
export function SearchButton() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey) return;
      const commandK = e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey) && !e.shiftKey;
      const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !isTextEntry(e.target);
      if (!commandK && !slash) return;
      e.preventDefault();
      setOpen(true);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        // The index loads as soon as the learner shows they may want it.
        onPointerEnter={preloadSearch}
        onFocus={preloadSearch}
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        data-testid="search-button"
        className="inline-flex h-8 min-w-8 items-center justify-center gap-2 rounded-md border border-zinc-200 px-2 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-emerald-700 sm:justify-start sm:pr-1.5 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white dark:focus-visible:outline-emerald-400"
      >
        <SearchIcon className="h-4 w-4 shrink-0" />
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd
          aria-hidden
          className="hidden rounded border border-zinc-200 px-1.5 font-sans text-xs text-zinc-600 pointer-fine:sm:inline-block dark:border-zinc-700 dark:text-zinc-300"
        >
          /
        </kbd>
      </button>
      <SearchDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
