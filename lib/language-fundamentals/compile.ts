import type * as TypeScript from "typescript";

export type Compiled = { ok: true; js: string } | { ok: false; errors: string[] };

/**
 * TypeScript to JavaScript, one file on its own (like `tsc --isolatedModules`): types are erased,
 * syntax errors are reported, type errors are not (that needs the whole program and its libraries).
 * `ts` is passed in so the browser can load the compiler lazily, in a worker.
 */
export function compileExercise(ts: typeof TypeScript, source: string): Compiled {
  const out = ts.transpileModule(source, {
    fileName: "exercise.ts",
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      strict: true,
    },
  });
  const errors = (out.diagnostics ?? []).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `Line ${line + 1}, column ${character + 1}: ${message}`;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, js: out.outputText };
}
