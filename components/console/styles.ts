import { isHttpMethod, METHOD_TEXT_COLORS } from "@/lib/http/constants";
/**
 * Class names shared by the light shell a console first renders and the interactive console that
 * replaces it, so the swap changes nothing on screen. Colours meet WCAG AA (4.5:1 for text) on
 * white and on the dark theme.
 */

export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-emerald-700 dark:focus-visible:outline-emerald-400";

export const frameClass =
  "not-prose my-8 overflow-hidden rounded-xl border border-zinc-200 bg-white text-sm text-zinc-900 shadow-sm shadow-zinc-950/5 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-100 dark:shadow-none";

export const formClass = "space-y-2.5 px-3 pt-3 sm:px-4";

export const addressBoxClass =
  "flex h-9 min-w-0 flex-1 basis-60 rounded-lg border border-zinc-300 bg-white focus-within:border-emerald-600 focus-within:ring-2 focus-within:ring-emerald-600/25 dark:border-zinc-700 dark:bg-zinc-950 dark:focus-within:border-emerald-400";

export const methodSelectClass =
  "h-full appearance-none rounded-l-lg bg-transparent pr-6 pl-2.5 font-mono text-xs font-bold focus:outline-none";

export const pathInputClass =
  "h-full min-w-0 flex-1 rounded-r-lg bg-transparent px-2.5 font-mono text-[13px] text-zinc-900 focus:outline-none dark:text-zinc-100";

/** White on emerald-700 is 5.5:1; emerald-600 (3.8:1) was too light for 14px text. */
export const sendButtonClass = `inline-flex h-9 w-full items-center justify-center gap-2 rounded-lg bg-emerald-700 px-4 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 focus-visible:outline-offset-2 active:bg-emerald-900 aria-busy:cursor-progress sm:w-auto ${focusRing}`;

export const sendKbdClass =
  "rounded bg-emerald-950/40 px-1 font-sans text-[10px] font-medium text-white";

export const tabBarClass =
  "flex flex-wrap-reverse items-center justify-between gap-x-3 border-b border-zinc-200 dark:border-zinc-800";

export function tabClass(selected: boolean, disabled: boolean): string {
  const base = `inline-flex h-8 items-center gap-1.5 border-b-2 px-2.5 text-xs font-medium focus-visible:rounded-t-md focus-visible:-outline-offset-2 ${focusRing}`;
  if (selected) {
    return `${base} border-emerald-700 text-zinc-900 dark:border-emerald-400 dark:text-zinc-100`;
  }
  if (disabled) {
    return `${base} cursor-not-allowed border-transparent text-zinc-400 dark:text-zinc-500`;
  }
  return `${base} border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-200`;
}

export const countBadgeClass =
  "rounded-full bg-zinc-100 px-1.5 font-mono text-[10px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

export const inputClass =
  "h-8 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 font-mono text-[12.5px] text-zinc-900 placeholder:text-zinc-500 focus:border-emerald-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-emerald-600/30 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:focus:border-emerald-400";

export const ghostButtonClass = `inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 disabled:pointer-events-none disabled:opacity-40 ${focusRing}`;

export const copyButtonClass = `${ghostButtonClass} h-7 font-mono`;

export const removeButtonClass = `${ghostButtonClass} w-8 justify-center px-0`;

export const kvRowClass = "grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] gap-1.5";

export function textareaClass(invalid: boolean): string {
  return `block max-h-80 min-h-28 w-full resize-y rounded-md border bg-white px-2.5 py-2 font-mono text-[12.5px] leading-5 text-zinc-900 [field-sizing:content] placeholder:text-zinc-500 focus:outline-none focus-visible:ring-2 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500 ${
    invalid
      ? "border-amber-500 focus:border-amber-600 focus-visible:ring-amber-500/30 dark:border-amber-400/70"
      : "border-zinc-300 focus:border-emerald-600 focus-visible:ring-emerald-600/30 dark:border-zinc-700 dark:focus:border-emerald-400"
  }`;
}

export const mutedTextClass = "text-xs text-zinc-600 dark:text-zinc-400";

export const responseAreaClass =
  "border-t border-zinc-200 bg-zinc-50/40 dark:border-zinc-800 dark:bg-zinc-950/30";

export const statusLineClass = "flex min-h-7 flex-wrap items-center gap-x-3 gap-y-1 text-sm";

export const summaryClass = `flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-xs font-medium text-zinc-700 select-none hover:bg-zinc-50 focus-visible:-outline-offset-2 sm:px-4 dark:text-zinc-300 dark:hover:bg-zinc-800/40 [&::-webkit-details-marker]:hidden ${focusRing}`;

export function methodTone(method: string): string {
  return METHOD_TEXT_COLORS[isHttpMethod(method) ? method : "OPTIONS"];
}
