import type { ButtonHTMLAttributes, ReactNode } from "react";
import type { HeadingLevel } from "./draft";
import { focusRing, sendButtonClass, sendKbdClass, statusLineClass, summaryClass } from "./styles";

/**
 * Pieces drawn the same by the shell and by the interactive console. They hold no state and no
 * hooks, so the shell stays cheap and the swap is pixel for pixel.
 */

type HeaderProps = {
  title: string;
  headingLevel: HeadingLevel;
  /** `undefined` while unknown, `null` when the learner has no sandbox yet. */
  sandboxKey: string | null | undefined;
};

export function ConsoleHeader({ title, headingLevel, sandboxKey }: HeaderProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <header className="flex items-center gap-2 border-b border-zinc-200 bg-zinc-50/80 px-3 py-2 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
      {/* A still dot, not a pulsing one: an endless animation in every console of a page keeps
          the browser repainting for as long as the page is open (seconds of main-thread work
          per minute on a phone, Lighthouse's long tasks long after load). */}
      <span
        className="h-2 w-2 shrink-0 rounded-full bg-emerald-500 ring-2 ring-emerald-400/30"
        aria-hidden
      />
      <Heading className="m-0 min-w-0 truncate text-[13px] font-semibold text-zinc-800 dark:text-zinc-200">
        {title}
      </Heading>
      <SandboxChip sandboxKey={sandboxKey} />
    </header>
  );
}

export function shortKey(key: string): string {
  return `${key.slice(0, 8)}…`;
}

function SandboxChip({ sandboxKey }: { sandboxKey: string | null | undefined }) {
  return (
    <a
      href="/sandbox"
      data-control="sandbox"
      title="Your sandbox: its key, request log and reset"
      className={`ml-auto inline-flex shrink-0 items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-0.5 font-mono text-[11px] text-zinc-700 hover:border-emerald-600 hover:text-emerald-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-300 dark:hover:text-emerald-300 ${focusRing}`}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="h-3 w-3 text-zinc-500">
        <circle cx="5.5" cy="10.5" r="3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path
          d="M7.7 8.3L13 3m-2 2l1.5 1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
        />
      </svg>
      {sandboxKey ? (
        <>
          <span className="sr-only">Your sandbox key: </span>
          {shortKey(sandboxKey)}
        </>
      ) : sandboxKey === null ? (
        "no sandbox yet"
      ) : (
        "sandbox…"
      )}
    </a>
  );
}

export function Caret() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className="pointer-events-none absolute top-1/2 right-1.5 h-3 w-3 -translate-y-1/2 text-zinc-500"
    >
      <path
        d="M4 6l4 4 4-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

type SendProps = ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; hint: string };

/** Always named "Send"; while a request runs it shows a spinner instead of the shortcut. */
export function SendButton({ busy = false, hint, ...button }: SendProps) {
  return (
    <button
      {...button}
      data-control="send"
      aria-busy={busy || undefined}
      className={sendButtonClass}
    >
      Send
      {busy ? (
        <span
          aria-hidden
          className="h-3 w-3 animate-spin rounded-full border-2 border-white/40 border-t-white"
        />
      ) : (
        <kbd aria-hidden data-testid="send-shortcut" className={`${sendKbdClass} ${keyboardOnly}`}>
          {hint}
        </kbd>
      )}
    </button>
  );
}

/**
 * Keyboard shortcuts are hidden where the main pointer is a finger (phones, tablets): there is
 * usually no keyboard to press them with. CSS decides, so the shell and the console agree.
 */
export const keyboardOnly = "pointer-coarse:hidden";

export function SendHintText({ hint }: { hint: string }) {
  return (
    <span className="text-zinc-600 dark:text-zinc-400">
      Press <strong className="font-medium text-zinc-800 dark:text-zinc-200">Send</strong>
      <span data-testid="send-shortcut" className={keyboardOnly}>
        {" "}
        ({hint})
      </span>{" "}
      to call the live API in your own sandbox.
    </span>
  );
}

type ResponseFrameProps = {
  /** The status line: a prompt, "Sending…", or the status, time and size. */
  status: ReactNode;
  /** Announced politely when it changes (the interactive console), or not (the shell). */
  live?: boolean;
  /** Beside the status line (the Cancel button). */
  action?: ReactNode;
  /** Right under the status line, with no space of its own while it is empty. */
  notice?: ReactNode;
  children?: ReactNode;
};

/** The response area: a group, not a landmark, since a page has many consoles. */
export function ResponseFrame({
  status,
  live = false,
  action,
  notice,
  children,
}: ResponseFrameProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a response is not a set of form fields; a group names it without adding a landmark per console
    <div role="group" aria-label="Response" className="space-y-3 px-3 py-3 sm:px-4">
      <div>
        <div className={statusLineClass}>
          <p
            aria-live={live ? "polite" : undefined}
            aria-atomic={live || undefined}
            className="flex flex-wrap items-center gap-x-3 gap-y-1"
          >
            {status}
          </p>
          {action}
        </div>
        {notice}
      </div>
      {children}
    </div>
  );
}

export function Chevron() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className="h-3 w-3 shrink-0 text-zinc-500 transition-transform group-open:rotate-90"
    >
      <path
        d="M6 4l4 4-4 4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function HistorySummary({ count }: { count: number }) {
  return (
    <summary data-control="history" className={summaryClass}>
      <Chevron />
      History
      <span className="rounded-full bg-zinc-100 px-1.5 font-mono text-[10px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
        {count}
      </span>
      <span className="ml-auto hidden font-normal text-zinc-600 sm:inline dark:text-zinc-400">
        shared by every console · click to replay
      </span>
    </summary>
  );
}

export const historyDetailsClass = "group border-t border-zinc-200 dark:border-zinc-800";

export function CopyIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5">
      <rect
        x="5"
        y="5"
        width="8.5"
        height="8.5"
        rx="1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      <path
        d="M3 10.5V4a1.5 1.5 0 0 1 1.5-1.5H11"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
    </svg>
  );
}

export function CheckIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5">
      <path
        d="M3 8.5l3 3 7-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
