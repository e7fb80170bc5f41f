import { MethodTag } from "@/components/ui/method-tag";
import type { ReferenceGroup } from "./model";

/** Every operation by group, each linking to its anchor. */
export function ReferenceNav({
  groups,
  more = [],
}: {
  groups: ReferenceGroup[];
  /** Sections after the operations. */
  more?: { href: string; label: string }[];
}) {
  return (
    <nav aria-label="Operations" className="space-y-5 text-sm">
      {groups.map((group) => (
        <div key={group.id}>
          <a
            href={`#${group.id}`}
            className="font-semibold text-zinc-900 hover:text-emerald-700 dark:text-zinc-100 dark:hover:text-emerald-400"
          >
            {group.tag.name}
          </a>
          <ul className="mt-2 space-y-1">
            {group.operations.map((entry) => (
              <li key={entry.id}>
                <a
                  href={`#${entry.id}`}
                  className="flex items-center gap-2 rounded px-1 py-0.5 text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
                >
                  <MethodTag method={entry.method} size="sm" />{" "}
                  <span className="min-w-0 truncate font-mono text-xs">{entry.path}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {more.map((link) => (
        <a
          key={link.href}
          href={link.href}
          className="block font-semibold text-zinc-900 hover:text-emerald-700 dark:text-zinc-100 dark:hover:text-emerald-400"
        >
          {link.label}
        </a>
      ))}
    </nav>
  );
}
