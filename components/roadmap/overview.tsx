import type { RichText as Text } from "@/content/roadmap";
import { RichText } from "./rich-text";

export function Overview({ paragraphs }: { paragraphs: Text[] }) {
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title" className="text-sm font-semibold">
        Overview
      </h2>
      {paragraphs.map((paragraph) => (
        <p
          key={paragraph}
          className="mt-3 text-[0.9375rem] leading-7 text-pretty text-zinc-600 dark:text-zinc-300"
        >
          <RichText text={paragraph} />
        </p>
      ))}
    </section>
  );
}
