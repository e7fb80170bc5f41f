/** Colours for a response status by class, shared by the console, lessons and the request log. */

/** Text colour for a status code, by class. */
export function statusTone(status: number | null): string {
  if (status === null || status >= 500) return "text-red-700 dark:text-red-400";
  if (status >= 400) return "text-amber-700 dark:text-amber-400";
  if (status >= 300) return "text-sky-700 dark:text-sky-400";
  if (status >= 200) return "text-emerald-700 dark:text-emerald-400";
  return "text-zinc-500 dark:text-zinc-400";
}

/** Dot colour for a status code, by class. */
export function statusDot(status: number | null): string {
  if (status === null || status >= 500) return "bg-red-500";
  if (status >= 400) return "bg-amber-500";
  if (status >= 300) return "bg-sky-500";
  if (status >= 200) return "bg-emerald-500";
  return "bg-zinc-400";
}
