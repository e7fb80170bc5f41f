// One run of the learner's code: a fresh worker per run, its network taken away before the code
// runs, and terminated by the page after the time limit (components/lesson/exercise/run.ts).
import { exercises } from "@/content/lessons/language-fundamentals/exercises";
import { takeAwayNetwork } from "@/lib/language-fundamentals/lockdown";
import { runExercise } from "@/lib/language-fundamentals/runner";
import type { LogLine, RunResult } from "@/lib/language-fundamentals/types";

export type RunRequest = { exerciseId: string; js: string };
export type RunMessage =
  | { kind: "started" }
  | { kind: "log"; line: LogLine }
  | { kind: "finished"; result: RunResult };

type Scope = {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(message: RunMessage): void;
};
const scope = self as unknown as Scope;

scope.onmessage = async ({ data }) => {
  scope.onmessage = null;
  takeAwayNetwork(self);
  const exercise = exercises.find((e) => e.id === data.exerciseId);
  if (!exercise) {
    const result: RunResult = { kind: "error", message: "No such exercise.", logs: [] };
    scope.postMessage({ kind: "finished", result });
    return;
  }
  scope.postMessage({ kind: "started" });
  const onLog = (line: LogLine) => scope.postMessage({ kind: "log", line });
  scope.postMessage({ kind: "finished", result: await runExercise(exercise, data.js, onLog) });
};
