import type { Ref } from "react";
import { ghostButtonClass } from "./kv-editor";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** The JSON parse error, shown under the editor; the request is not sent while it stands. */
  error: string | null;
  contentType: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  errorId: string;
};

export function BodyEditor({ value, onChange, error, contentType, textareaRef, errorId }: Props) {
  const format = () => {
    try {
      onChange(JSON.stringify(JSON.parse(value), null, 2));
    } catch {
      // The error is already on screen.
    }
  };
  return (
    <div className="space-y-1.5">
      <textarea
        ref={textareaRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label="Request body"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        rows={5}
        placeholder={'{\n  "title": "…"\n}'}
        className={`block max-h-80 min-h-28 w-full resize-y rounded-md border bg-white px-2.5 py-2 font-mono text-[12.5px] leading-5 text-zinc-900 [field-sizing:content] placeholder:text-zinc-400 focus:outline-none focus-visible:ring-2 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-600 ${
          error
            ? "border-red-400 focus:border-red-500 focus-visible:ring-red-500/30 dark:border-red-500/60"
            : "border-zinc-300 focus:border-emerald-500 focus-visible:ring-emerald-500/30 dark:border-zinc-700"
        }`}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        {error ? (
          <p
            id={errorId}
            className="flex items-start gap-1.5 text-xs text-red-600 dark:text-red-400"
          >
            <span aria-hidden>⚠</span>
            <span>
              Not valid JSON — fix it to send. <span className="font-mono">{error}</span>
            </span>
          </p>
        ) : (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            Sent as <span className="font-mono">{contentType}</span>
          </p>
        )}
        <button type="button" className={ghostButtonClass} onClick={format} disabled={!!error}>
          Format
        </button>
      </div>
    </div>
  );
}
