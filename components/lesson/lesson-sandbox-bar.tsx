"use client";

import { useEffect, useState } from "react";
import { type LessonStep, setLessonSteps } from "./lesson-steps";
import { ResetSandboxButton } from "./reset-sandbox";

export function LessonSandboxBar({ steps }: { steps: LessonStep[] }) {
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setLessonSteps(steps), [steps]);
  return (
    <div
      data-testid="lesson-sandbox"
      className="not-prose my-8 rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="min-w-0 flex-1 basis-64 leading-6">
          The answers shown on this page are what a <strong>fresh sandbox</strong> gives, with the
          requests sent in order from the top. Sent one twice, or changed your data? Start again
          from a fresh sandbox.
        </p>
        <ResetSandboxButton
          onReset={() =>
            setStatus("Your sandbox is back to a fresh start: send the requests from the top.")
          }
        />
      </div>
      <p aria-live="polite" className="text-emerald-800 not-empty:mt-2 dark:text-emerald-300">
        {status}
      </p>
    </div>
  );
}
