import { readFile } from "node:fs/promises";
import path from "node:path";
import MiniSearch from "minisearch";
import { type Lesson, lessons } from "@/content/lessons";
import { plannedLessons } from "@/content/roadmap";
import { INDEX_OPTIONS, type SearchDoc, type SearchIndexFile } from "./schema";
import { pageSections } from "./sections";

/** Where a lesson's page is written (see lib/lessons/generate-registry.mjs). */
export function lessonSourcePath(slug: string): string {
  return path.join(process.cwd(), "content", "lessons", slug, "page.mdx");
}

/** A written lesson's documents: the lesson itself, then each section of its page in order. */
export async function lessonDocuments(lesson: Lesson): Promise<SearchDoc[]> {
  const { slug, title, summary, objectives } = lesson.meta;
  const href = `/learn/${slug}`;
  const sections = await pageSections(await readFile(lessonSourcePath(slug), "utf8"));
  const intro = sections.find((section) => section.id === "")?.text ?? "";
  return [
    {
      kind: "lesson",
      id: slug,
      href,
      lesson: title,
      heading: title,
      text: [summary, ...objectives, intro].join(" "),
    },
    ...sections
      .filter((section) => section.id !== "")
      .map(
        (section): SearchDoc => ({
          kind: "section",
          id: `${slug}#${section.id}`,
          href: `${href}#${section.id}`,
          lesson: title,
          heading: section.heading,
          ...(section.parent ? { parent: section.parent } : {}),
          text: section.text,
        }),
      ),
  ];
}

/** Every document: the written lessons' (in reading order), then the lessons still to come. */
export async function searchDocuments(): Promise<SearchDoc[]> {
  const written = new Set(lessons.map((lesson) => lesson.meta.slug));
  const planned = plannedLessons()
    .filter((plan) => !written.has(plan.slug))
    .map(
      (plan): SearchDoc => ({
        kind: "planned",
        id: `planned:${plan.slug}`,
        heading: plan.title,
        month: plan.month,
        weeks: plan.weeks,
        text: "",
      }),
    );
  return [...(await Promise.all(lessons.map(lessonDocuments))).flat(), ...planned];
}

/** The index the browser loads (lib/search/query.ts), built once per build. */
export async function buildSearchIndex(): Promise<SearchIndexFile> {
  const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  index.addAll(await searchDocuments());
  return { version: 1, index: index.toJSON() };
}
