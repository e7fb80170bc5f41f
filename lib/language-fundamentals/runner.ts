import { logText, show } from "./format";
import type { Exercise, LogLine, RunResult, TestOutcome, Tools } from "./types";

/** How long one test may wait on a promise before it fails (the worker's own limit is longer). */
export const TEST_TIMEOUT_MS = 500;
const MAX_LOG_LINES = 200;
const MAX_LOG_CHARS = 2000;

/** A test's own failure, as opposed to an error the learner's code threw. */
class Failure extends Error {}

const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : show(error);

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function toolsFor(exports: Record<string, unknown>): Tools {
  const exported = (name: string, what: string) => {
    const value = exports[name];
    if (typeof value !== "function") {
      throw new Failure(`Export a ${what} named ${name} (found ${show(value)}).`);
    }
    return value;
  };
  return {
    fn: (name) => exported(name, "function") as (...args: unknown[]) => unknown,
    cls: (name) => exported(name, "class") as new (...args: unknown[]) => Record<string, unknown>,
    equal(actual, expected, label) {
      if (!deepEqual(actual, expected)) {
        throw new Failure(
          `${label ? `${label}: e` : "E"}xpected ${show(expected)}, got ${show(actual)}.`,
        );
      }
    },
    ok(condition, message) {
      if (!condition) throw new Failure(message);
    },
    throws(run, label) {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Failure(`${label}: expected an error to be thrown, but none was.`);
    },
    async rejects(promise, label) {
      try {
        await promise;
      } catch (error) {
        return error;
      }
      throw new Failure(`${label}: expected the promise to reject, but it resolved.`);
    },
  };
}

/** A console that records what the learner's code prints, bounded. */
function capturedConsole(logs: LogLine[], onLog?: (line: LogLine) => void) {
  const write =
    (level: LogLine["level"]) =>
    (...args: unknown[]) => {
      if (logs.length >= MAX_LOG_LINES) return;
      const text = logText(args);
      const add = (line: LogLine) => {
        logs.push(line);
        onLog?.(line);
      };
      add({ level, text: text.length > MAX_LOG_CHARS ? `${text.slice(0, MAX_LOG_CHARS)}…` : text });
      if (logs.length === MAX_LOG_LINES) add({ level: "warn", text: "(more output left out)" });
    };
  return {
    log: write("log"),
    info: write("info"),
    debug: write("log"),
    warn: write("warn"),
    error: write("error"),
  };
}

/**
 * Evaluates compiled CommonJS (what TypeScript emits for `export function …`) and returns its
 * exports. `console` is ours; `require` of anything fails: exercises stand alone.
 */
function loadModule(js: string, console: ReturnType<typeof capturedConsole>) {
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string) => {
    throw new Error(`Imports are not available in exercises (tried to import "${name}").`);
  };
  const factory = new Function("exports", "module", "require", "console", js);
  factory(module.exports, module, require, console);
  return module.exports;
}

function withTimeout(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Failure(`Did not finish within ${ms / 1000} s (a promise that never settles?).`),
        ),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Loads the learner's compiled code and runs every test of the exercise against its exports.
 * `onLog` hears each console line as it is written (the page keeps them should the run be stopped).
 */
export async function runExercise(
  exercise: Pick<Exercise, "tests">,
  js: string,
  onLog?: (line: LogLine) => void,
): Promise<RunResult> {
  const logs: LogLine[] = [];
  const console = capturedConsole(logs, onLog);
  let exports: Record<string, unknown>;
  try {
    exports = loadModule(js, console);
  } catch (error) {
    return { kind: "error", message: `Your code threw while loading: ${errorText(error)}`, logs };
  }
  const tools = toolsFor(exports);
  const tests: TestOutcome[] = [];
  for (const test of exercise.tests) {
    try {
      await withTimeout(
        Promise.resolve().then(() => test.run(tools)),
        TEST_TIMEOUT_MS,
      );
      tests.push({ name: test.name, passed: true, message: "Passed" });
    } catch (error) {
      const message =
        error instanceof Failure ? error.message : `Your code threw ${errorText(error)}`;
      tests.push({ name: test.name, passed: false, message });
    }
  }
  return { kind: "tested", tests, logs };
}
