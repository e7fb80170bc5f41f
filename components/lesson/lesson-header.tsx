import Link from "next/link";
import type { LessonMeta } from "@/content/lessons";
import { referenceHref } from "@/lib/openapi/operation-id";
import { MethodBadge } from "./method-badge";

export function LessonHeader({ meta }: { meta: LessonMeta }) {
  return (
    <header className="not-prose mb-10">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/" className="hover:text-emerald-700 dark:hover:text-emerald-400">
          Roadmap
        </Link>
        <span aria-hidden className="mx-2">
          /
        </span>
        <Link
          href={`/#month-${meta.month}`}
          className="hover:text-emerald-700 dark:hover:text-emerald-400"
        >
          Month {meta.month} · Weeks {meta.weeks}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight text-zinc-900 sm:text-4xl dark:text-white">
        {meta.title}
      </h1>
      <p className="mt-3 text-lg text-zinc-600 dark:text-zinc-400">{meta.summary}</p>
      <p className="mt-3 text-sm text-zinc-500 dark:text-zinc-400">
        About {meta.minutes} minutes · {meta.endpoints.length} live endpoint
        {meta.endpoints.length === 1 ? "" : "s"}
      </p>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <section
          aria-labelledby="objectives"
          className="rounded-xl border border-zinc-200 bg-zinc-50/60 p-4 dark:border-zinc-800 dark:bg-zinc-900/50"
        >
          <h2 id="objectives" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            You will
          </h2>
          <ul className="mt-2 space-y-1.5 text-sm text-zinc-700 dark:text-zinc-300">
            {meta.objectives.map((objective) => (
              <li key={objective} className="flex gap-2">
                <span aria-hidden className="text-emerald-600">
                  ✓
                </span>
                {objective}
              </li>
            ))}
          </ul>
        </section>
        {meta.endpoints.length > 0 && (
          <section
            aria-labelledby="endpoints"
            className="rounded-xl border border-zinc-200 bg-zinc-50/60 p-4 dark:border-zinc-800 dark:bg-zinc-900/50"
          >
            <h2 id="endpoints" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
              Live endpoints in your sandbox
            </h2>
            <ul className="mt-2 space-y-1.5 text-sm">
              {meta.endpoints.map((endpoint) => (
                <li key={`${endpoint.method} ${endpoint.path}`} className="flex items-start gap-2">
                  <MethodBadge method={endpoint.method} />
                  <span className="min-w-0">
                    <code className="break-all font-mono text-[0.8125rem] text-zinc-900 dark:text-zinc-100">
                      {endpoint.path}
                    </code>
                    <span className="block text-zinc-600 dark:text-zinc-400">
                      {endpoint.summary}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
            <Link
              href={referenceHref(meta.slug)}
              className="mt-3 inline-block text-sm text-emerald-700 underline underline-offset-2 dark:text-emerald-400"
            >
              Full API reference
            </Link>
          </section>
        )}
      </div>
    </header>
  );
}
