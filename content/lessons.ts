import type { MDXProps } from "mdx/types";
import { z } from "zod";
import type { TocEntry } from "@/lib/mdx/toc";
import * as httpAndRest from "./lessons/http-and-rest/page.mdx";
import * as todoApi from "./lessons/todo-api/page.mdx";

const endpoint = z.strictObject({
  method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
  path: z.string().startsWith("/api/"),
  summary: z.string().min(1),
});

/** What every lesson's `export const meta` must hold. */
export const lessonMeta = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  month: z.number().int().min(1).max(6),
  /** The roadmap weeks it covers, e.g. "3-4". */
  weeks: z.string().regex(/^\d+(-\d+)?$/),
  summary: z.string().min(1),
  objectives: z.array(z.string().min(1)).min(1),
  endpoints: z.array(endpoint),
  minutes: z.number().int().positive(),
});
export type LessonMeta = z.infer<typeof lessonMeta>;

export type Lesson = {
  meta: LessonMeta;
  toc: TocEntry[];
  Content: (props: MDXProps) => React.JSX.Element;
};

type LessonModule = { meta: unknown; toc: TocEntry[]; default: Lesson["Content"] };

function load(module: LessonModule, file: string): Lesson {
  const parsed = lessonMeta.safeParse(module.meta);
  if (!parsed.success) {
    throw new Error(`content/lessons/${file}: invalid meta\n${z.prettifyError(parsed.error)}`);
  }
  return { meta: parsed.data, toc: module.toc, Content: module.default };
}

/** Every written lesson, in reading order. A new lesson adds one line here. */
export const lessons: Lesson[] = [
  load(httpAndRest, "03-http-and-rest.mdx"),
  load(todoApi, "04-todo-api.mdx"),
];

export function findLesson(slug: string): Lesson | undefined {
  return lessons.find((lesson) => lesson.meta.slug === slug);
}

/** The lessons before and after `slug` in reading order. */
export function neighbours(slug: string): { prev?: Lesson; next?: Lesson } {
  const i = lessons.findIndex((lesson) => lesson.meta.slug === slug);
  return { prev: lessons[i - 1], next: i >= 0 ? lessons[i + 1] : undefined };
}
