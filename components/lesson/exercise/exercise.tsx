"use client";

import { useEffect, useId, useState } from "react";
import { focusRing, frameClass, sendButtonClass } from "@/components/console/styles";
import { exerciseInfo } from "@/content/lessons/language-fundamentals/exercises";
import type { RunResult } from "@/lib/language-fundamentals/types";
import { CodeEditor, EditorHint } from "./code-editor";
import { reportResult } from "./report";
import { ExerciseResults } from "./results";
import type { Phase } from "./run";

type State =
  | { kind: "idle" }
  | { kind: "running"; phase: Phase }
  | { kind: "done"; result: RunResult; report?: string; reported?: boolean };

function missing(id: string): never {
  throw new Error(`No exercise "${id}" in content/lessons/language-fundamentals/exercises.ts`);
}

const storageKey = (id: string) => `bmj:exercise:${id}`;

/**
 * A code exercise: edit the starter, press Run, and the exercise's tests run in this browser (a
 * worker with no network, stopped after 2 s). A run is reported to the learner's sandbox, where
 * "Check my work" finds it.
 */
export function Exercise({ id }: { id: string }) {
  const info = exerciseInfo(id) ?? missing(id);
  const [source, setSource] = useState(info.starter);
  const [state, setState] = useState<State>({ kind: "idle" });
  const titleId = useId();
  const hintId = useId();

  // Work in progress survives a reload (this browser only).
  useEffect(() => {
    const saved = localStorage.getItem(storageKey(id));
    if (saved !== null) setSource(saved);
  }, [id]);

  function edit(next: string) {
    setSource(next);
    try {
      if (next === info.starter) localStorage.removeItem(storageKey(id));
      else localStorage.setItem(storageKey(id), next);
    } catch {
      // Storage full or disabled: the editor still works.
    }
  }

  async function run() {
    if (state.kind === "running") return;
    setState({ kind: "running", phase: "compiling" });
    // Loaded on the first Run: the compiler and the workers stay out of the page until needed.
    const { runExercise } = await import("./run");
    const result = await runExercise(id, source, (phase) => setState({ kind: "running", phase }));
    setState({ kind: "done", result });
    if (result.kind !== "tested") return;
    const report = await reportResult(id, result.tests);
    setState({ kind: "done", result, report: report.message, reported: report.ok });
  }

  return (
    <section
      aria-labelledby={titleId}
      data-testid="exercise"
      data-exercise={id}
      className={frameClass}
    >
      <div className="space-y-3 p-3 sm:p-4">
        <div>
          <p id={titleId} className="font-semibold text-zinc-900 dark:text-zinc-100">
            <span className="text-emerald-800 dark:text-emerald-300">Exercise:</span> {info.title}
          </p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">{info.prompt}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={run}
            aria-busy={state.kind === "running"}
            className={sendButtonClass}
          >
            Run
          </button>
          <button
            type="button"
            onClick={() => {
              edit(info.starter);
              setState({ kind: "idle" });
            }}
            disabled={source === info.starter}
            className={`h-9 rounded-lg border border-zinc-300 px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-60 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 ${focusRing}`}
          >
            Start over
          </button>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {info.testNames.length} tests · runs in your browser
          </span>
        </div>
        <CodeEditor
          label={`Code for the exercise ${info.title}`}
          hintId={hintId}
          value={source}
          onChange={edit}
          onRun={run}
        />
        <EditorHint id={hintId} />
      </div>
      <ExerciseResults
        running={state.kind === "running" ? state.phase : undefined}
        result={state.kind === "done" ? state.result : undefined}
        report={state.kind === "done" ? state.report : undefined}
        reported={state.kind === "done" ? state.reported : undefined}
      />
    </section>
  );
}
