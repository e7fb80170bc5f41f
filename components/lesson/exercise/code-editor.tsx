"use client";

import { type KeyboardEvent, useRef } from "react";

const INDENT = "  ";

/**
 * A plain textarea for code: monospace, line numbers beside it, Tab indents (Shift+Tab outdents).
 * Tab stays in the editor, so Esc first lets the next Tab move on (no keyboard trap, WCAG 2.1.2).
 * It grows with its code, so only long lines scroll, and the numbers never drift from their lines.
 */
export function CodeEditor({
  label,
  hintId,
  value,
  onChange,
  onRun,
}: {
  label: string;
  /** The id of the text that explains the keys (EditorHint), placed by the caller. */
  hintId: string;
  value: string;
  onChange: (value: string) => void;
  onRun: () => void;
}) {
  const leaving = useRef(false);
  const lines = value.split("\n").length;

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      leaving.current = true;
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRun();
      return;
    }
    if (event.key !== "Tab" || leaving.current) {
      leaving.current = false;
      return;
    }
    event.preventDefault();
    const area = event.currentTarget;
    const { selectionStart: start, selectionEnd: end } = area;
    const lineStart = value.lastIndexOf("\n", start - 1) + 1;
    if (!event.shiftKey && start === end) {
      area.setRangeText(INDENT, start, end, "end");
    } else {
      // Indent or outdent every line the selection touches.
      const block = value.slice(lineStart, end);
      const changed = block
        .split("\n")
        .map((line) =>
          event.shiftKey ? line.replace(new RegExp(`^ {1,${INDENT.length}}`), "") : INDENT + line,
        )
        .join("\n");
      area.setRangeText(changed, lineStart, end, "select");
    }
    onChange(area.value);
  }

  return (
    <div className="flex overflow-hidden rounded-lg border border-zinc-300 bg-zinc-50 focus-within:border-emerald-600 focus-within:ring-2 focus-within:ring-emerald-600/25 dark:border-zinc-700 dark:bg-zinc-950 dark:focus-within:border-emerald-400">
      <div
        aria-hidden
        className="shrink-0 select-none border-r border-zinc-200 bg-zinc-100 px-2 py-2 text-right font-mono text-[13px] leading-5 text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400"
      >
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: line numbers are their index
          <div key={i}>{i + 1}</div>
        ))}
      </div>
      <textarea
        aria-label={label}
        aria-describedby={hintId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        rows={lines + 1}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        data-testid="exercise-editor"
        className="min-w-0 flex-1 resize-none overflow-x-auto overflow-y-hidden bg-transparent px-3 py-2 font-mono text-[13px] leading-5 text-zinc-900 focus:outline-none dark:text-zinc-100"
      />
    </div>
  );
}

/** How the editor's keys work; the editor points at it with aria-describedby. */
export function EditorHint({ id }: { id: string }) {
  return (
    <p id={id} className="text-xs text-zinc-600 dark:text-zinc-400">
      Tab indents; to leave the editor with the keyboard, press Esc, then Tab. Ctrl+Enter (⌘+Enter)
      runs.
    </p>
  );
}
