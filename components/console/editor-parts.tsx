import type { Draft } from "./request";
import { methodHasBody } from "./request";
import { countBadgeClass, mutedTextClass } from "./styles";

/**
 * Pieces of the request editor that the shell draws too. Kept apart from the editor itself so the
 * shell's first load does not pull the interactive code in with them.
 */

export type Tab = "params" | "auth" | "headers" | "body" | "vars";

export type TabInfo = { id: Tab; label: string; count?: number; disabled?: boolean };

/** The request editor's tabs; `variables` is how many the console has (unknown in the shell). */
export function tabsOf(draft: Draft, variables?: number): TabInfo[] {
  return [
    { id: "params", label: "Params", count: draft.query.filter((q) => q.key.trim()).length },
    { id: "auth", label: "Auth" },
    { id: "headers", label: "Headers", count: draft.headers.filter((h) => h.key.trim()).length },
    { id: "body", label: "Body", disabled: !methodHasBody(draft.method) },
    { id: "vars", label: "Vars", count: variables },
  ];
}

/** The inside of a tab button. */
export function TabLabel({ tab, warn }: { tab: TabInfo; warn: boolean }) {
  return (
    <>
      {tab.label}
      {!!tab.count && <span className={countBadgeClass}>{tab.count}</span>}
      {warn && <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-amber-500" />}
    </>
  );
}

/** The body types the Body tab offers, and the class of its select (the shell draws it too). */
export const BODY_TYPES = [
  ["json", "JSON"],
  ["form", "Form"],
  ["text", "Text"],
] as const;

export const bodyTypeSelectClass =
  "h-7 rounded-md border border-zinc-300 bg-white pr-6 pl-2 text-xs font-medium text-zinc-800 focus:border-emerald-600 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200";

export const BODY_PLACEHOLDER = '{\n  "title": "…"\n}';

type NoteProps = { error: string | null; contentType: string; errorId?: string };

/** Under the body: how it is sent, or a warning that it is not valid JSON (sent all the same). */
export function BodyNote({ error, contentType, errorId }: NoteProps) {
  if (!error) {
    return (
      <p className={mutedTextClass}>
        Sent as <span className="font-mono">{contentType}</span>
      </p>
    );
  }
  return (
    <p
      id={errorId}
      data-testid="body-warning"
      className="flex min-w-0 items-start gap-1.5 text-xs text-amber-800 dark:text-amber-300"
    >
      <span aria-hidden>⚠</span>
      <span className="min-w-0 [overflow-wrap:anywhere]">
        Not valid JSON. Send sends it as it is, so you can see how the server answers.{" "}
        <span className="font-mono">{error}</span>
      </span>
    </p>
  );
}

export function RemoveIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
    </svg>
  );
}

export function AddLabel({ noun }: { noun: string }) {
  return (
    <>
      <span aria-hidden className="text-sm leading-none">
        +
      </span>
      Add {noun}
    </>
  );
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
