import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findLesson, lessons } from "@/content/lessons";

export const dynamicParams = false;

export function generateStaticParams() {
  return lessons.map((lesson) => ({ slug: lesson.meta.slug }));
}

export async function generateMetadata(props: PageProps<"/learn/[slug]">): Promise<Metadata> {
  const lesson = findLesson((await props.params).slug);
  return lesson ? { title: lesson.meta.title, description: lesson.meta.summary } : {};
}

export default async function LessonPage(props: PageProps<"/learn/[slug]">) {
  const lesson = findLesson((await props.params).slug);
  if (!lesson) notFound();
  const { Content, meta } = lesson;
  return (
    <article className="prose prose-zinc dark:prose-invert mx-auto max-w-3xl px-4 py-10">
      <h1>{meta.title}</h1>
      <Content />
    </article>
  );
}
