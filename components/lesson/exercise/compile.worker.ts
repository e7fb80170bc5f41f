// The compiler's worker: TypeScript (a few MB) loads here, off the page's main thread, the first
// time a learner presses Run. It only compiles; the learner's code never runs in this worker.
import ts from "typescript";
import { compileExercise } from "@/lib/language-fundamentals/compile";

type Scope = {
  onmessage: ((event: MessageEvent<{ id: number; source: string }>) => void) | null;
  postMessage(message: unknown): void;
};
const scope = self as unknown as Scope;

scope.onmessage = ({ data }) => {
  scope.postMessage({ id: data.id, compiled: compileExercise(ts, data.source) });
};
