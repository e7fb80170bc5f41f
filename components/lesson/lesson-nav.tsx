import Link from "next/link";
import type { Lesson } from "@/content/lessons";

function Card({ lesson, direction }: { lesson: Lesson; direction: "prev" | "next" }) {
  return (
    <Link
      href={`/learn/${lesson.meta.slug}`}
      rel={direction}
      className={`group flex flex-col rounded-xl border border-zinc-200 p-4 transition hover:border-emerald-500 hover:bg-emerald-50/40 dark:border-zinc-800 dark:hover:border-emerald-500 dark:hover:bg-emerald-950/30 ${direction === "next" ? "items-end text-right" : ""}`}
    >
      <span className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
        {direction === "prev" ? "← Previous" : "Next →"}
      </span>
      <span className="mt-1 font-semibold text-zinc-900 group-hover:text-emerald-700 dark:text-zinc-100 dark:group-hover:text-emerald-400">
        {lesson.meta.title}
      </span>
    </Link>
  );
}

export function LessonNav({ prev, next }: { prev?: Lesson; next?: Lesson }) {
  return (
    <nav aria-label="Lessons" className="grid gap-3 sm:grid-cols-2">
      {prev ? <Card lesson={prev} direction="prev" /> : <span />}
      {next ? <Card lesson={next} direction="next" /> : <span />}
    </nav>
  );
}
