import { useCallback, useMemo, useRef, useState } from "react";
import {
  type LessonStep,
  useResets,
  useStepsBefore,
  writes,
} from "@/components/lesson/lesson-steps";
import { variablesIn } from "@/content/variables";
import { type ConsoleRequest, initialDraft } from "./draft";
import {
  type Answer,
  type Difference,
  describeDifferences,
  isLessonRequest,
  likelyReason,
  problemDetail,
} from "./expect";
import { replaySteps } from "./replay";
import type { Draft } from "./request";

/** What a console says about its sandbox's state, under the status line. */
export type SandboxHint =
  | {
      kind: "differs";
      differences: Difference[];
      detail: string | null;
      reason: string;
      /** A fresh sandbox (reset, replay) would likely fix it. */
      fixable: boolean;
    }
  | { kind: "replaying"; index: number; total: number; title: string }
  | { kind: "replayed"; count: number }
  | { kind: "replay-failed"; title: string; differences: Difference[]; detail: string | null }
  | { kind: "replay-error"; title: string | null; error: string }
  | { kind: "reset" };

const stepTitle = (step: LessonStep) => step.title ?? `${step.method ?? "GET"} ${step.path}`;

/**
 * Compares each answer to the lesson's own request with the answer the lesson expects, and keeps
 * the hint that says what differs and why; replays the lesson's earlier steps on request. A reset
 * anywhere on the page turns a differing answer's hint into "send again".
 */
export function useSandboxState(request: ConsoleRequest) {
  const lessonDraft = useMemo(() => initialDraft(request), [request]);
  const before = useStepsBefore(request.name);
  // Worth replaying when an earlier step writes, or this request uses a variable one captures.
  const earlier = useMemo(() => {
    const { path, query, headers, body, form } = request;
    const reads = variablesIn(JSON.stringify([path, query, headers, body, form])).length > 0;
    return before?.length && (writes(before) || reads) ? before : null;
  }, [before, request]);
  const resets = useResets();
  const [hint, setHint] = useState<SandboxHint | null>(null);
  const [knownResets, setKnownResets] = useState(resets);
  const replaying = useRef(false);

  if (resets !== knownResets) {
    // The sandbox is fresh now: what this console last said about it no longer holds.
    setKnownResets(resets);
    if (hint && hint.kind !== "replaying") setHint({ kind: "reset" });
  }

  /** After an answer: a hint when the lesson's own request answered differently, else none. */
  const check = useCallback(
    (sent: Draft, answer: (Answer & { redirected: boolean }) | null) => {
      const { expect } = request;
      if (!expect || !answer || answer.redirected || !isLessonRequest(sent, lessonDraft)) {
        setHint(null);
        return;
      }
      const differences = describeDifferences(expect, answer);
      if (differences.length === 0) {
        setHint(null);
        return;
      }
      const reason = likelyReason(answer);
      setHint({
        kind: "differs",
        differences,
        detail: problemDetail(answer),
        reason: reason.text,
        fixable: reason.sandbox,
      });
    },
    [request, lessonDraft],
  );

  const replay = useCallback(async () => {
    if (!earlier?.length || replaying.current) return;
    replaying.current = true;
    const total = earlier.length;
    try {
      const result = await replaySteps(earlier, (index, step) =>
        setHint({ kind: "replaying", index, total, title: stepTitle(step) }),
      );
      if (result.ok) setHint({ kind: "replayed", count: result.count });
      else if ("differences" in result)
        setHint({
          kind: "replay-failed",
          title: stepTitle(result.step),
          differences: result.differences,
          detail: result.detail,
        });
      else
        setHint({
          kind: "replay-error",
          title: result.step && stepTitle(result.step),
          error: result.error,
        });
    } finally {
      replaying.current = false;
    }
  }, [earlier]);

  return { hint, earlier, check, replay };
}
