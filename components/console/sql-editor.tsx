import type { ReactNode, Ref } from "react";
import { type TokenKind, tokenize } from "./sql-highlight";
import { focusRing } from "./styles";

/**
 * The SQL editor: a plain textarea (native editing, undo, selection, screen readers) over a
 * highlighted copy of its text. Both share font, padding and wrapping, so every highlighted
 * character sits under the one typed. A failed statement's position is marked in the copy.
 * No hooks: the light shell and the interactive console draw it alike.
 */

const TONES: Record<TokenKind, string> = {
  keyword: "text-sky-700 dark:text-sky-300",
  string: "text-amber-800 dark:text-amber-300",
  number: "text-violet-700 dark:text-violet-300",
  comment: "text-zinc-500 dark:text-zinc-400",
  ident: "text-emerald-800 dark:text-emerald-300",
  plain: "",
};

const textClass =
  "col-start-1 row-start-1 m-0 min-h-20 w-full px-3 py-2.5 font-mono text-[13px] leading-5 whitespace-pre-wrap break-words [overflow-wrap:anywhere] [tab-size:2]";

const markClass =
  "rounded-sm bg-red-200 text-red-950 underline decoration-red-700 decoration-wavy dark:bg-red-900/70 dark:text-red-50 dark:decoration-red-300";

/** The highlighted text, with the character at `errorAt` (1-based) marked. */
function highlighted(script: string, errorAt: number | null): ReactNode[] {
  const out: ReactNode[] = [];
  let offset = 0;
  const mark = errorAt === null ? -1 : Math.min(Math.max(errorAt - 1, 0), script.length);
  for (const token of tokenize(script)) {
    const i = offset;
    const end = offset + token.text.length;
    const tone = TONES[token.kind];
    if (mark >= offset && mark < end) {
      const at = mark - offset;
      const before = token.text.slice(0, at);
      // The whole word from the position, or one character: what Postgres points at.
      const word = /^[\w$]+/.exec(token.text.slice(at))?.[0] ?? token.text.charAt(at);
      const after = token.text.slice(at + word.length);
      out.push(
        <span key={i} className={tone}>
          {before}
          <mark data-testid="sql-error-mark" className={markClass}>
            {word === "\n" ? " \n" : word}
          </mark>
          {after}
        </span>,
      );
    } else {
      out.push(
        <span key={i} className={tone || undefined}>
          {token.text}
        </span>,
      );
    }
    offset = end;
  }
  if (mark === script.length) {
    out.push(
      <mark key="end" data-testid="sql-error-mark" className={markClass}>
        {" "}
      </mark>,
    );
  }
  // A trailing newline needs a character after it to take up its line.
  out.push("\n");
  return out;
}

type Props = {
  script: string;
  /** Controlled (the console) or not (the shell, which only shows the lesson's script). */
  onChange?: (script: string) => void;
  errorAt?: number | null;
  /** Id of the text that describes the error, for screen readers. */
  describedBy?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
};

export function SqlEditor({ script, onChange, errorAt = null, describedBy, textareaRef }: Props) {
  return (
    <div className="grid rounded-lg border border-zinc-300 bg-white focus-within:border-emerald-600 focus-within:ring-2 focus-within:ring-emerald-600/25 dark:border-zinc-700 dark:bg-zinc-950 dark:focus-within:border-emerald-400">
      <pre
        aria-hidden
        data-testid="sql-highlight"
        className={`${textClass} pointer-events-none text-zinc-900 dark:text-zinc-100`}
      >
        {highlighted(script, errorAt)}
      </pre>
      <textarea
        ref={textareaRef}
        aria-label="SQL script"
        data-control="sql"
        aria-invalid={errorAt !== null ? true : undefined}
        aria-describedby={describedBy}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        {...(onChange
          ? { value: script, onChange: (e) => onChange(e.target.value) }
          : { defaultValue: script })}
        className={`${textClass} resize-none overflow-hidden rounded-lg bg-transparent text-transparent caret-zinc-900 selection:bg-sky-200/60 focus:outline-none dark:caret-zinc-100 dark:selection:bg-sky-700/50 ${focusRing}`}
      />
    </div>
  );
}
