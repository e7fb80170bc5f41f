import type { TocEntry } from "@/lib/mdx/toc";

export function TableOfContents({ toc }: { toc: TocEntry[] }) {
  if (toc.length === 0) return null;
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-3 font-semibold text-zinc-900 dark:text-zinc-100">On this page</p>
      <ol className="space-y-1.5 border-l border-zinc-200 dark:border-zinc-800">
        {toc.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? "pl-6" : "pl-3"}>
            <a
              href={`#${entry.id}`}
              className="-ml-px block border-l border-transparent pl-0 text-zinc-600 hover:text-emerald-700 dark:text-zinc-400 dark:hover:text-emerald-400"
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
