import { useMemo, useSyncExternalStore } from "react";
import type { ConsoleRequest } from "@/components/console/draft";
import type { Expectation } from "@/components/console/expect";
import { clearVariables } from "@/components/console/variables";

/**
 * What every console on a lesson page shares about the learner's sandbox: the lesson's steps in
 * order (so a console can replay the ones before it) and how many times the sandbox was reset
 * from this page (so a console whose answer differed knows the sandbox is fresh now).
 */

/** One of the lesson's examples, as the page replays it. */
export type LessonStep = ConsoleRequest & { name: string; title?: string; expect: Expectation };

let steps: readonly LessonStep[] = [];
let resets = 0;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called once by the lesson page with its steps, in reading order. */
export function setLessonSteps(next: readonly LessonStep[]): void {
  steps = next;
  emit();
}

/**
 * The lesson's steps before the example `name` that can change the sandbox or that later steps
 * read from: every one the lesson expects to succeed (an error changes nothing). `null` when the
 * page does not know this example.
 */
export function stepsBefore(name: string | undefined): LessonStep[] | null {
  const at = name ? steps.findIndex((s) => s.name === name) : -1;
  if (at === -1) return null;
  return steps.slice(0, at).filter((s) => s.expect.status < 400);
}

/** The title of the lesson's step that captures the variable `name`, if one on this page does. */
export function stepCapturing(name: string): string | undefined {
  const step = steps.find((s) => s.captures && Object.hasOwn(s.captures, name));
  return step && (step.title ?? `${step.method ?? "GET"} ${step.path}`);
}

/** Whether any of these steps writes: only then does a fresh sandbox need them replayed. */
export function writes(list: readonly LessonStep[]): boolean {
  return list.some((s) => !["GET", "HEAD", "OPTIONS"].includes((s.method ?? "GET").toUpperCase()));
}

/** The steps as a console reads them: re-read when the page registers them. */
export function useStepsBefore(name: string | undefined): LessonStep[] | null {
  const all = useSyncExternalStore(
    subscribe,
    () => steps,
    () => steps,
  );
  return useMemo(() => (all.length ? stepsBefore(name) : null), [all, name]);
}

/** After a reset: the variables saved from earlier responses (tokens, ETags) name data that is gone. */
export function announceReset(): void {
  resets += 1;
  void clearVariables();
  emit();
}

/** How many times the sandbox was reset from this page. */
export function useResets(): number {
  return useSyncExternalStore(
    subscribe,
    () => resets,
    () => 0,
  );
}
