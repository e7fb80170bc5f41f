import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckWork } from "@/components/lesson/check-work";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { LessonNav } from "@/components/lesson/lesson-nav";
import { MarkDone } from "@/components/lesson/mark-done";
import { TableOfContents } from "@/components/lesson/table-of-contents";
import { findLesson, lessons, loadLessonPage, neighbours } from "@/content/lessons";

// Lessons are rendered at build time; progress and the console load in the browser.
export const dynamicParams = false;

export function generateStaticParams() {
  return lessons.map((lesson) => ({ slug: lesson.meta.slug }));
}

export async function generateMetadata(props: PageProps<"/learn/[slug]">): Promise<Metadata> {
  const lesson = findLesson((await props.params).slug);
  return lesson ? { title: lesson.meta.title, description: lesson.meta.summary } : {};
}

export default async function LessonPage(props: PageProps<"/learn/[slug]">) {
  const { slug } = await props.params;
  const lesson = findLesson(slug);
  const page = await loadLessonPage(slug);
  if (!lesson || !page) notFound();
  const { meta } = lesson;
  const { default: Content, toc } = page;
  const { prev, next } = neighbours(meta.slug);
  return (
    <div className="mx-auto flex max-w-7xl gap-10 px-4 py-10 sm:px-6">
      <article className="prose prose-zinc dark:prose-invert min-w-0 max-w-3xl flex-1 prose-headings:scroll-mt-20 prose-a:text-emerald-700 dark:prose-a:text-emerald-400 prose-pre:bg-transparent prose-pre:p-0">
        <LessonHeader meta={meta} />
        <details className="not-prose mb-8 rounded-lg border border-zinc-200 p-3 lg:hidden dark:border-zinc-800">
          <summary className="cursor-pointer text-sm font-medium">On this page</summary>
          <div className="mt-3">
            <TableOfContents toc={toc} />
          </div>
        </details>
        <Content />
        <footer className="not-prose mt-14 space-y-6 border-t border-zinc-200 pt-8 dark:border-zinc-800">
          {lesson.checks.length > 0 ? (
            <CheckWork
              slug={meta.slug}
              checks={lesson.checks.map(({ id, title }) => ({ id, title }))}
            />
          ) : (
            <MarkDone slug={meta.slug} />
          )}
          <LessonNav prev={prev} next={next} />
        </footer>
      </article>
      <aside className="hidden w-60 shrink-0 lg:block">
        <div className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto">
          <TableOfContents toc={toc} />
        </div>
      </aside>
    </div>
  );
}
