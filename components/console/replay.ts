import type { LessonStep } from "@/components/lesson/lesson-steps";
import { captureValues, seenResponse } from "@/content/variables";
import { initialDraft } from "./draft";
import { browserCanSend, type Difference, describeDifferences, problemDetail } from "./expect";
import { fillDraft } from "./fill";
import { prepareRequest } from "./request";
import { ensureSandbox } from "./sandbox";
import { saveVariables, variableValue } from "./variables";

export type ReplayResult =
  | { ok: true; count: number }
  | { ok: false; step: LessonStep; differences: Difference[]; detail: string | null }
  | { ok: false; step: LessonStep | null; error: string };

/**
 * Sends the lesson's steps in order in the learner's sandbox, as the consoles would (variables
 * filled in, and those their responses capture saved for the steps and consoles after), and stops
 * at the first one that does not answer as the lesson says: the sandbox was not fresh.
 */
export async function replaySteps(
  steps: readonly LessonStep[],
  onStep: (index: number, step: LessonStep) => void,
): Promise<ReplayResult> {
  const sandbox = await ensureSandbox();
  if (!sandbox.ok) return { ok: false, step: null, error: sandbox.error };
  for (const [index, step] of steps.entries()) {
    onStep(index, step);
    const draft = initialDraft(step);
    const filled = fillDraft(draft, variableValue);
    if (filled.missing.length) {
      return { ok: false, step, error: `it needs {{${filled.missing[0]}}}, which is not set.` };
    }
    const prepared = prepareRequest(filled.draft, window.location.origin);
    if (!prepared.ok) return { ok: false, step, error: prepared.error };
    const { url, method, headers, body } = prepared.request;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body,
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch (error) {
      return { ok: false, step, error: error instanceof Error ? error.message : String(error) };
    }
    const answer = { status: res.status, headers: [...res.headers], body: await res.text() };
    saveVariables(
      captureValues(step.captures, seenResponse(answer.headers, answer.body)),
      step.title,
    );
    // What the browser cannot send as written (Origin…) or follows on its own (a redirect)
    // cannot answer like the lesson: it is sent, not judged.
    if (res.redirected || !browserCanSend(draft)) continue;
    const differences = describeDifferences(step.expect, answer);
    if (differences.length) return { ok: false, step, differences, detail: problemDetail(answer) };
  }
  return { ok: true, count: steps.length };
}
