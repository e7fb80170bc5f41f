import type { NextStep } from "@/content/next-step";

/**
 * How the roadmap words a learner's next step: "Start" before their first request, "Continue"
 * once they have a sandbox or a lesson done, and "Coming next" (to its month on the roadmap)
 * when every written lesson is done and the next one is not written yet.
 */
export function nextStepLink(
  step: NextStep,
  started: boolean,
): { verb: string; title: string; href: string } | undefined {
  switch (step.kind) {
    case "lesson":
      return {
        verb: started ? "Continue" : "Start",
        title: step.lesson.meta.title,
        href: `/learn/${step.lesson.meta.slug}`,
      };
    case "upcoming":
      return {
        verb: "Coming next",
        title: step.lesson.title,
        href: `/#month-${step.lesson.month}`,
      };
    case "finished":
      return undefined;
  }
}
