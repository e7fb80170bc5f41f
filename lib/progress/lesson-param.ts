import { findLesson, type Lesson } from "@/content/lessons";
import { HttpProblem } from "@/lib/http/problem";

/** The lesson a progress URL names; 404 problem when there is none. */
export function lessonOf(slug: string): Lesson {
  const lesson = findLesson(slug);
  if (!lesson) throw new HttpProblem("not-found", `There is no lesson "${slug}".`);
  return lesson;
}
