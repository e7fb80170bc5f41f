import type { Lesson } from "@/content/lessons";
import { LessonSandboxBar } from "./lesson-sandbox-bar";
import type { LessonStep } from "./lesson-steps";

/**
 * At the end of a lesson with live examples: its answers assume a fresh sandbox, and here is the
 * reset (with its confirmation), as in every console's hint when an answer differs. It also gives the page's consoles the lesson's steps in order, so
 * a console can replay the ones before it.
 */
export function LessonSandbox({ examples }: { examples: Lesson["examples"] }) {
  const steps: LessonStep[] = Object.entries(examples).map(([name, example]) => {
    const { title, method, path, expect } = example;
    // A step the lesson expects to fail changed nothing and is never replayed: its place in the
    // order is all the page needs (not its body, which may be large).
    if (expect.status >= 400)
      return { name, title, method, path, expect: { status: expect.status } };
    const { query, headers, body, form, captures } = example;
    return { name, title, method, path, query, headers, body, form, captures, expect };
  });
  return steps.length > 0 ? <LessonSandboxBar steps={steps} /> : null;
}
