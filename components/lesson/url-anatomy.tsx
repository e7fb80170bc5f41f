/** Each labelled part gets its own colour, in the same order on every diagram. */
const TONES = [
  "border-sky-500 text-sky-800 dark:text-sky-300",
  "border-violet-500 text-violet-800 dark:text-violet-300",
  "border-amber-500 text-amber-800 dark:text-amber-300",
  "border-emerald-500 text-emerald-800 dark:text-emerald-300",
  "border-rose-500 text-rose-800 dark:text-rose-300",
  "border-zinc-400 text-zinc-700 dark:text-zinc-300",
];

/** A part of the URL and what it is called; a part without a name is punctuation (`://`, `:`). */
export type UrlPart = readonly [text: string, name?: string];

/**
 * A URL taken apart: each part underlined in its own colour with its name beneath. The parts wrap
 * onto more rows on a narrow screen, keeping each name under its part, where an ASCII diagram
 * would have to scroll sideways.
 */
export function UrlAnatomy({ parts }: { parts: readonly UrlPart[] }) {
  const named = parts.filter(([, name]) => name);
  return (
    <figure
      data-testid="diagram"
      className="not-prose my-6 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div
        aria-hidden
        className="flex flex-wrap items-start gap-x-1.5 gap-y-3 font-mono text-[0.8125rem]"
      >
        {parts.map(([text, name], i) => {
          if (!name) {
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed URL never reorder.
              <span key={i} className="px-px leading-6 text-zinc-500 dark:text-zinc-400">
                {text}
              </span>
            );
          }
          const tone = TONES[named.findIndex((part) => part[1] === name) % TONES.length];
          return (
            <span key={name} className="flex min-w-0 flex-col items-start px-px">
              <span className={`border-b-2 pb-0.5 leading-6 [overflow-wrap:anywhere] ${tone}`}>
                {text}
              </span>
              <span className="mt-1 font-sans text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                {name}
              </span>
            </span>
          );
        })}
      </div>
      <figcaption className="sr-only">
        {`The URL ${parts.map(([text]) => text).join("")}, taken apart: `}
        {named.map(([text, name]) => `${name} ${text}`).join(", ")}.
      </figcaption>
    </figure>
  );
}
