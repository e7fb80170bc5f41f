import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Stands in for `@/content/lessons` where Vitest cannot load MDX: the lessons are the real
 * lesson files, known by the slug in their `meta`. Use with
 * `vi.mock("@/content/lessons", () => import("./lessons-stub"))`.
 */
const dir = path.resolve(import.meta.dirname, "../content/lessons");

export const lessons = readdirSync(dir)
  .filter((file) => file.endsWith(".mdx"))
  .sort()
  .map((file) => {
    const slug = /\bslug:\s*"([a-z0-9-]+)"/.exec(readFileSync(path.join(dir, file), "utf8"))?.[1];
    if (!slug) throw new Error(`content/lessons/${file}: no slug in its meta`);
    return { meta: { slug } };
  });

export function findLesson(slug: string) {
  return lessons.find((lesson) => lesson.meta.slug === slug);
}
