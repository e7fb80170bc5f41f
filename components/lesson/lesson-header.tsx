import Link from "next/link";
import { IntentLink } from "@/components/ui/intent-link";
import { MethodTag } from "@/components/ui/method-tag";
import type { LessonMeta } from "@/content/lessons";
import { referenceHref } from "@/lib/openapi/operation-id";
import { ClampedList } from "./clamped-list";

/** `finish` names how the lesson is finished ("Check my work"), linked from the top. */
export function LessonHeader({ meta, finish }: { meta: LessonMeta; finish: string }) {
  return (
    <header className="not-prose mb-8 sm:mb-10">
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
      <p className="mt-3 text-base text-zinc-600 sm:text-lg dark:text-zinc-400">{meta.summary}</p>
      <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-500 dark:text-zinc-400">
        <span>
          About {meta.minutes} minutes · {meta.endpoints.length} live endpoint
          {meta.endpoints.length === 1 ? "" : "s"}
        </span>
        <a
          href="#check-work"
          data-testid="jump-to-check"
          className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
        >
          {finish} <span aria-hidden>↓</span>
        </a>
      </p>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <section
          aria-labelledby="objectives"
          className="rounded-xl border border-zinc-200 bg-zinc-50/60 p-4 dark:border-zinc-800 dark:bg-zinc-900/50"
        >
          <h2 id="objectives" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            You will
          </h2>
          <ClampedList
            noun="objectives"
            className="mt-2 space-y-1.5 text-sm text-zinc-700 dark:text-zinc-300"
          >
            {meta.objectives.map((objective) => (
              <li key={objective} className="flex gap-2">
                <span aria-hidden className="text-emerald-600">
                  ✓
                </span>
                {objective}
              </li>
            ))}
          </ClampedList>
        </section>
        {meta.endpoints.length > 0 && (
          <section
            aria-labelledby="endpoints"
            className="rounded-xl border border-zinc-200 bg-zinc-50/60 p-4 dark:border-zinc-800 dark:bg-zinc-900/50"
          >
            <h2 id="endpoints" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
              Live endpoints in your sandbox
            </h2>
            <ClampedList noun="endpoints" className="mt-2 space-y-1.5 text-sm">
              {meta.endpoints.map((endpoint) => (
                <li key={`${endpoint.method} ${endpoint.path}`} className="flex items-start gap-2">
                  <MethodTag method={endpoint.method} />
                  <span className="min-w-0">
                    <code className="break-all font-mono text-[0.8125rem] text-zinc-900 dark:text-zinc-100">
                      {endpoint.path}
                    </code>
                    <span className="sr-only text-zinc-600 sm:not-sr-only sm:block dark:text-zinc-400">
                      {endpoint.summary}
                    </span>
                  </span>
                </li>
              ))}
            </ClampedList>
            <IntentLink
              href={referenceHref(meta.slug)}
              className={`mt-3 inline-block text-sm text-emerald-700 ${besideShowAll(meta.endpoints.length)} underline underline-offset-2 dark:text-emerald-400`}
            >
              Full API reference
            </IntentLink>
          </section>
        )}
      </div>
    </header>
  );
}

/** Room between the list's "Show all" button (ClampedList: past 2 items on a phone, past 6 from md) and the link beside it. */
function besideShowAll(count: number): string {
  if (count > 6) return "ml-5";
  return count > 2 ? "max-md:ml-5" : "";
}
