import { AfterSixMonths, FinalNotes } from "@/components/roadmap/closing-sections";
import { Hero } from "@/components/roadmap/hero";
import { MonthOverview } from "@/components/roadmap/month-overview";
import { MonthSection } from "@/components/roadmap/month-section";
import { nextStepLink } from "@/components/roadmap/next-step";
import { Overview } from "@/components/roadmap/overview";
import { ProgressSummary } from "@/components/roadmap/progress-summary";
import { lessons, resolveLesson } from "@/content/lessons";
import { stepFor } from "@/content/next-step";
import { plannedLessons, roadmap } from "@/content/roadmap";
import { listDoneLessons } from "@/lib/progress/service";
import { currentSandbox } from "@/lib/sandbox/current";

// Reads the sandbox cookie, so it renders per request. It never creates a sandbox: a visitor
// without one simply has nothing done yet.
export default async function RoadmapPage() {
  const sandbox = await currentSandbox();
  const done = new Set(sandbox ? await listDoneLessons({ sandboxId: sandbox.id }) : []);

  const months = roadmap.months.map((month) => ({
    month,
    lessons: month.weekBlocks.map((block) => block.lessons.map(resolveLesson)),
  }));
  const written = months.flatMap(({ lessons }) =>
    lessons.flat().filter((lesson) => lesson.status === "written"),
  );
  const doneCount = written.filter((lesson) => done.has(lesson.slug)).length;
  // A learner has started once they have a sandbox (their first request made one).
  const started = sandbox !== undefined || done.size > 0;
  const step = stepFor(done);
  const next = nextStepLink(step, started);
  const nextSlug =
    step.kind === "lesson"
      ? step.lesson.meta.slug
      : step.kind === "upcoming"
        ? step.lesson.slug
        : undefined;

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-16">
      <Hero step={step} started={started} meanwhileMonth={lessons.at(-1)?.meta.month} />

      <div className="mt-14 grid gap-6 lg:grid-cols-[1.4fr_1fr] lg:items-start lg:gap-10">
        <Overview paragraphs={roadmap.overview} />
        <ProgressSummary
          done={doneCount}
          written={written.length}
          planned={plannedLessons().length}
          hasSandbox={sandbox !== undefined}
          next={next}
        />
      </div>

      <div className="mt-10">
        <MonthOverview
          months={months.map(({ month, lessons }) => {
            const monthWritten = lessons.flat().filter((lesson) => lesson.status === "written");
            return {
              month,
              written: monthWritten.length,
              done: monthWritten.filter((lesson) => done.has(lesson.slug)).length,
            };
          })}
        />
      </div>

      <div className="mt-14">
        {months.map(({ month, lessons }, i) => (
          <MonthSection
            key={month.number}
            month={month}
            lessons={lessons}
            done={done}
            next={nextSlug}
            last={i === months.length - 1}
          />
        ))}
      </div>

      <div className="mt-4 space-y-12">
        <FinalNotes notes={roadmap.finalNotes} />
        <AfterSixMonths after={roadmap.afterSixMonths} next={next} />
      </div>
    </div>
  );
}
