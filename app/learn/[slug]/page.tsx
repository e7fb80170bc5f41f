import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CheckWork } from "@/components/lesson/check-work";
import { LessonHeader } from "@/components/lesson/lesson-header";
import { LessonNav } from "@/components/lesson/lesson-nav";
import { LessonSandbox } from "@/components/lesson/lesson-sandbox";
import { MarkDone } from "@/components/lesson/mark-done";
import { TableOfContents } from "@/components/lesson/table-of-contents";
import { findLesson, lessons, loadLessonPage, neighbours } from "@/content/lessons";
import { stepAfter } from "@/content/next-step";
import type { TocEntry } from "@/lib/mdx/toc";

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
  const { prev } = neighbours(meta.slug);
  const finish = lesson.checks.length > 0 ? "Check my work" : "Mark as done";
  // The contents end with the lesson's own end: checking the work, and what comes next.
  const contents: TocEntry[] = [
    ...toc,
    { depth: 2, id: "check-work", text: finish },
    { depth: 2, id: "next-step", text: "What's next" },
  ];
  return (
    <div className="mx-auto max-w-7xl px-4 sm:px-6 lg:flex lg:gap-10 lg:py-10">
      <TableOfContents toc={contents} />
      <article className="prose prose-zinc dark:prose-invert min-w-0 max-w-3xl flex-1 py-6 lg:py-0 prose-headings:scroll-mt-8 lg:prose-headings:scroll-mt-2 prose-a:text-emerald-700 dark:prose-a:text-emerald-400 prose-pre:bg-transparent prose-pre:p-0">
        <LessonHeader meta={meta} finish={finish} />
        <Content />
        {/* The reset every console's hint also offers; here after the lesson, so the first
            console stays within the first screens of a phone. */}
        <LessonSandbox examples={lesson.examples} />
        <footer className="not-prose mt-14 space-y-10 border-t border-zinc-200 pt-8 dark:border-zinc-800">
          <div id="check-work" className="scroll-mt-8 lg:scroll-mt-2">
            {lesson.checks.length > 0 ? (
              <CheckWork
                slug={meta.slug}
                checks={lesson.checks.map(({ id, title }) => ({ id, title }))}
              />
            ) : (
              <MarkDone slug={meta.slug} />
            )}
          </div>
          <LessonNav
            prev={prev}
            step={stepAfter(meta.slug)}
            month={meta.month}
            sections={toc.map((entry) => entry.id)}
          />
        </footer>
      </article>
    </div>
  );
}
