import { type ReactNode, useEffect, useRef } from "react";
import type { LessonStep } from "@/components/lesson/lesson-steps";
import { ResetSandboxButton, resetButtonClass } from "@/components/lesson/reset-sandbox";
import type { Difference } from "./expect";
import type { SandboxHint } from "./use-sandbox-state";

type Props = {
  hint: SandboxHint | null;
  /** The lesson's steps before this console, when replaying them can help (else `null`). */
  earlier: LessonStep[] | null;
  onReplay: () => void;
  /** A request is running: the actions wait. */
  busy: boolean;
};

const steps = (n: number) => (n === 1 ? "1 step" : `${n} steps`);

/**
 * Under the status line: whether this answer is the lesson's, and if not what differs, why it
 * likely does, and one click to a fresh sandbox (reset, confirmed) or to the state this step
 * expects (replay the steps before it). Always in the page, so changes are announced.
 */
export function StateHint({ hint, earlier, onReplay, busy }: Props) {
  const region = useRef<HTMLDivElement>(null);
  // Whether the learner was working in the hint (or its dialog): its buttons go when it changes,
  // and the focus must not fall back to the top of the page.
  const inside = useRef(false);
  useEffect(() => {
    const el = region.current;
    if (!el) return;
    const onIn = () => {
      inside.current = true;
    };
    const onOut = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !el.contains(e.relatedTarget)) inside.current = false;
    };
    el.addEventListener("focusin", onIn);
    el.addEventListener("focusout", onOut);
    return () => {
      el.removeEventListener("focusin", onIn);
      el.removeEventListener("focusout", onOut);
    };
  }, []);
  useEffect(() => {
    const el = region.current;
    if (!hint || !el || !inside.current) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const next =
      el.querySelector<HTMLElement>("button:not(:disabled)") ??
      el.closest('[data-testid="console"]')?.querySelector<HTMLElement>('[data-control="send"]');
    next?.focus();
  }, [hint]);
  return (
    <div
      ref={region}
      aria-live="polite"
      data-testid="sandbox-hint-region"
      className="not-empty:mt-3"
    >
      {hint && <HintBody hint={hint} earlier={earlier} onReplay={onReplay} busy={busy} />}
    </div>
  );
}

function HintBody({ hint, earlier, onReplay, busy }: Props & { hint: SandboxHint }) {
  const count = earlier?.length ?? 0;
  const replayButton = (label: string) =>
    count > 0 && (
      <button type="button" className={resetButtonClass} disabled={busy} onClick={onReplay}>
        {label}
      </button>
    );
  const reset = (
    <ResetSandboxButton
      disabled={busy}
      replayCount={count || undefined}
      onReset={(replay) => replay && onReplay()}
    />
  );

  switch (hint.kind) {
    case "differs":
      return (
        <Box tone="warn" title="This answer differs from the lesson's.">
          <Differences list={hint.differences} detail={hint.detail} />
          <p>{hint.reason}</p>
          {hint.fixable && (
            <Actions>
              {reset}
              {replayButton(`Replay the ${steps(count)} before this one`)}
            </Actions>
          )}
        </Box>
      );
    case "replaying":
      return (
        <Box tone="info" title={`Replaying step ${hint.index + 1} of ${hint.total}…`}>
          <p>{hint.title}</p>
        </Box>
      );
    case "replayed":
      return (
        <Box tone="ok" title={`Replayed the ${steps(hint.count)} before this one.`}>
          <p>Your sandbox is where this step expects it. Press Send again.</p>
        </Box>
      );
    case "replay-failed":
      return (
        <Box tone="warn" title={`The replay stopped at “${hint.title}”: it answered differently.`}>
          <Differences list={hint.differences} detail={hint.detail} />
          <p>
            Your sandbox has changed since a fresh start, so the lesson's steps cannot bring it
            where this one expects. Reset it, and replay from there.
          </p>
          <Actions>{reset}</Actions>
        </Box>
      );
    case "replay-error":
      return (
        <Box tone="warn" title="The replay stopped.">
          <p>
            {hint.title ? `At “${hint.title}”: ` : ""}
            {hint.error}
          </p>
          <Actions>{replayButton("Try the replay again")}</Actions>
        </Box>
      );
    case "reset":
      return (
        <Box tone="ok" title="Your sandbox is back to a fresh start.">
          {count > 0 ? (
            <>
              <p>
                This step expects the {steps(count)} before it to have run. Replay them, then press
                Send.
              </p>
              <Actions>{replayButton(`Replay the ${steps(count)} before this one`)}</Actions>
            </>
          ) : (
            <p>Press Send again.</p>
          )}
        </Box>
      );
  }
}

const TONES = {
  warn: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100",
  info: "border-zinc-200 bg-white text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200",
  ok: "border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-500/40 dark:bg-emerald-500/10 dark:text-emerald-100",
};

function Box({
  tone,
  title,
  children,
}: {
  tone: keyof typeof TONES;
  title: string;
  children: ReactNode;
}) {
  return (
    <div
      data-testid="sandbox-hint"
      data-kind={tone}
      className={`space-y-2 rounded-lg border px-3 py-2.5 text-xs leading-5 ${TONES[tone]}`}
    >
      <p className="font-semibold">{title}</p>
      {children}
    </div>
  );
}

function Actions({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap gap-2 pt-0.5">{children}</div>;
}

const SHOWN = 5;

function Differences({ list, detail }: { list: Difference[]; detail: string | null }) {
  const more = list.length - SHOWN;
  return (
    <>
      <table className="w-full table-fixed border-collapse text-left">
        <caption className="sr-only">How the answer differs from the lesson's</caption>
        <thead>
          <tr className="text-[11px] uppercase tracking-wide opacity-80">
            <th scope="col" className="w-[30%] py-0.5 pr-2 font-medium">
              What
            </th>
            <th scope="col" className="py-0.5 pr-2 font-medium">
              Lesson
            </th>
            <th scope="col" className="py-0.5 font-medium">
              Your sandbox
            </th>
          </tr>
        </thead>
        <tbody className="font-mono [overflow-wrap:anywhere]">
          {list.slice(0, SHOWN).map((d) => (
            <tr key={d.where} className="border-t border-current/15 align-top">
              <th scope="row" className="py-1 pr-2 font-medium">
                {d.where}
              </th>
              <td className="py-1 pr-2">{d.expected}</td>
              <td className="py-1">{d.got}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 && <p>…and {more} more.</p>}
      {detail && <p>The server says: “{detail}”</p>}
    </>
  );
}
