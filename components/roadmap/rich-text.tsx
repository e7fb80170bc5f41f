import type { RichText as Text } from "@/content/roadmap";

/** Renders the roadmap's `**bold**` spans as <strong>; everything else as plain text. */
export function RichText({ text }: { text: Text }) {
  const parts = text.split("**");
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <strong
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a constant string never reorder.
            key={i}
            className="font-semibold text-zinc-900 dark:text-zinc-100"
          >
            {part}
          </strong>
        ) : (
          part
        ),
      )}
    </>
  );
}
