import { IntentLink } from "@/components/ui/intent-link";
import type { Roadmap } from "@/content/roadmap";
import { ArrowRightIcon, CheckIcon } from "./icons";
import { RichText } from "./rich-text";

export function FinalNotes({ notes }: { notes: Roadmap["finalNotes"] }) {
  return (
    <section aria-labelledby="final-notes-title" data-testid="final-notes">
      <h2 id="final-notes-title" className="text-xl font-semibold tracking-tight sm:text-2xl">
        Final notes
      </h2>
      <ul className="mt-5 grid gap-4 sm:grid-cols-3">
        {notes.map((note) => (
          <li
            key={note.label}
            className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900/60"
          >
            <h3 className="text-sm font-semibold text-emerald-700 dark:text-emerald-400">
              {note.label}
            </h3>
            <p className="mt-1.5 text-sm leading-6 text-zinc-600 dark:text-zinc-400">
              <RichText text={note.text} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AfterSixMonths({
  after,
  next,
}: {
  after: Roadmap["afterSixMonths"];
  /** The learner's next step, as the hero words it. */
  next?: { verb: string; title: string; href: string };
}) {
  return (
    <section
      aria-labelledby="after-title"
      data-testid="after-six-months"
      className="rounded-2xl border border-emerald-600/20 bg-gradient-to-br from-emerald-50 to-white p-6 sm:p-8 dark:border-emerald-400/15 dark:from-emerald-500/10 dark:to-zinc-950"
    >
      <h2 id="after-title" className="text-xl font-semibold tracking-tight sm:text-2xl">
        After 6 months
      </h2>
      <ul className="mt-5 space-y-3">
        {after.outcomes.map((outcome) => (
          <li
            key={outcome}
            className="flex gap-3 text-[0.9375rem] leading-7 text-zinc-700 dark:text-zinc-300"
          >
            <span
              aria-hidden
              className="mt-1.5 grid h-5 w-5 shrink-0 place-items-center rounded-full bg-emerald-600 text-white dark:bg-emerald-500 dark:text-zinc-950"
            >
              <CheckIcon className="h-3.5 w-3.5" />
            </span>
            <span>
              <RichText text={outcome} />
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-5 text-[0.9375rem] leading-7 font-medium text-zinc-900 dark:text-zinc-100">
        <RichText text={after.closing} />
      </p>
      {next && (
        <IntentLink
          href={next.href}
          className="mt-6 inline-flex items-center gap-2 text-sm font-semibold text-emerald-700 hover:text-emerald-800 dark:text-emerald-400 dark:hover:text-emerald-300"
        >
          {next.verb}: {next.title}
          <ArrowRightIcon className="h-4 w-4" />
        </IntentLink>
      )}
    </section>
  );
}
