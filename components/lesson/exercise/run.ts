import type { Compiled } from "@/lib/language-fundamentals/compile";
import type { LogLine, RunResult } from "@/lib/language-fundamentals/types";
import type { RunMessage, RunRequest } from "./run.worker";

/** How long the learner's code may run before its worker is stopped. */
export const TIME_LIMIT_MS = 2000;
/** How long a worker may take to load before its code starts (a slow network, a busy machine). */
const LOAD_LIMIT_MS = 30_000;

let compiler: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (c: Compiled) => void; reject: (e: Error) => void }>();

/** The compiler's worker, started on first use and kept for the page's next runs. */
function compilerWorker(): Worker {
  if (compiler) return compiler;
  const worker = new Worker(new URL("./compile.worker.ts", import.meta.url), {
    name: "typescript-compiler",
  });
  worker.onmessage = ({ data }: MessageEvent<{ id: number; compiled: Compiled }>) => {
    waiting.get(data.id)?.resolve(data.compiled);
    waiting.delete(data.id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    for (const { reject } of waiting.values()) reject(new Error("The compiler could not load."));
    waiting.clear();
    worker.terminate();
    compiler = null;
  };
  compiler = worker;
  return worker;
}

function compile(source: string): Promise<Compiled> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    compilerWorker().postMessage({ id, source });
  });
}

/** Runs compiled code in a fresh worker, stopping it after the time limit. */
function runInWorker(request: RunRequest, onStart: () => void): Promise<RunResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./run.worker.ts", import.meta.url), {
      name: "exercise-run",
    });
    // What the code printed so far: all there is to show when it has to be stopped.
    const logs: LogLine[] = [];
    const stop = (result: RunResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    let timer = setTimeout(
      () =>
        stop({ kind: "error", message: "The exercise runner did not start. Try again.", logs: [] }),
      LOAD_LIMIT_MS,
    );
    worker.onmessage = ({ data }: MessageEvent<RunMessage>) => {
      if (data.kind === "finished") return stop(data.result);
      if (data.kind === "log") {
        logs.push(data.line);
        return;
      }
      clearTimeout(timer);
      onStart();
      timer = setTimeout(
        () => stop({ kind: "timeout", seconds: TIME_LIMIT_MS / 1000, logs }),
        TIME_LIMIT_MS,
      );
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop({
        kind: "error",
        message: `The runner failed: ${event.message || "unknown error"}`,
        logs: [],
      });
    };
    worker.postMessage(request);
  });
}

export type Phase = "compiling" | "running";

/**
 * Compiles the learner's TypeScript and runs the exercise's tests on it, all in the browser.
 * `onPhase` hears when compiling is done and the code starts (its 2 s start then).
 */
export async function runExercise(
  exerciseId: string,
  source: string,
  onPhase: (phase: Phase) => void,
): Promise<RunResult> {
  onPhase("compiling");
  let compiled: Compiled;
  try {
    compiled = await compile(source);
  } catch (error) {
    return {
      kind: "error",
      message: error instanceof Error ? error.message : String(error),
      logs: [],
    };
  }
  if (!compiled.ok) {
    return {
      kind: "error",
      message: `Your code does not compile:\n${compiled.errors.join("\n")}`,
      logs: [],
    };
  }
  return runInWorker({ exerciseId, js: compiled.js }, () => onPhase("running"));
}
