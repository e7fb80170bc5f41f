const COLORS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  HEAD: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  POST: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  PUT: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  PATCH: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  DELETE: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
  OPTIONS: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-block min-w-14 rounded px-1.5 py-0.5 text-center font-mono text-[0.6875rem] font-semibold ${COLORS[method] ?? COLORS.OPTIONS}`}
    >
      {method}
    </span>
  );
}
