"use client";

import {
  type ComponentType,
  type KeyboardEvent,
  type MouseEvent,
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { flushSync } from "react-dom";
import { Deferred } from "./deferred";
import type { HeadingLevel } from "./draft";
import { whenNearViewport } from "./near-viewport";
import { ConsoleHeader, HistorySummary, historyDetailsClass, ResponseFrame } from "./parts";
import { ServerShell } from "./server-shell";
import type { SqlConsoleAppProps } from "./sql-console-app";
import { SqlEditor } from "./sql-editor";
import { CopyCurlButton, RunButton, RunHintText, sqlToolbarClass } from "./sql-parts";
import { formClass, frameClass, responseAreaClass } from "./styles";

type App = ComponentType<SqlConsoleAppProps>;

let loading: Promise<App> | null = null;

/** The interactive SQL console's code (results, plan tree, history): one chunk for the page. */
function loadApp(): Promise<App> {
  loading ??= import("./sql-console-app").then(
    (m) => m.SqlConsoleApp,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

const HINT = "Ctrl ↵";

type Focus = { control: string; selection: [number, number] | null };
type Loaded = { App: App; script: string; focus: Focus | null };

const byControl = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLElement>(`[data-control="${CSS.escape(name)}"]`);

function focusIn(root: HTMLElement): Focus | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return null;
  const control = active.dataset.control;
  if (!control) return null;
  if (!(active instanceof HTMLTextAreaElement)) return { control, selection: null };
  return { control, selection: [active.selectionStart, active.selectionEnd] };
}

type Props = {
  sql: string;
  title: string;
  headingLevel: HeadingLevel;
  /** Send the shell's bulk in a template until it is near the viewport (see `Deferred`). */
  deferShell: boolean;
};

/**
 * How tall the shell is below its header, in px, below `sm` and from it on (measured in
 * Chromium): the editor grows by a 20px line per line of the script, at least three, and on a
 * phone a line wraps at about forty characters.
 */
export function sqlShellHeight(sql: string): { narrow: number; wide: number } {
  const lines = sql.split("\n");
  const wrapped = lines.reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 40)), 0);
  return {
    narrow: 250 + 20 * Math.max(3, wrapped),
    wide: 178 + 20 * Math.max(3, lines.length),
  };
}

/**
 * A SQL console on a lesson page (`<Console {...sqlExample} />`). Like the request console, it
 * first renders a light shell that looks the same — the editor with the lesson's script — and loads
 * the interactive part when it comes near the viewport or is used, keeping what was typed, the
 * focus and a pending Run. `data-state` says `shell`, `loading` or `ready`.
 */
export function SqlConsole({ sql, title, headingLevel, deferShell }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingApp, setLoadingApp] = useState(false);
  const swapped = useRef(false);
  const replay = useRef<string | null>(null);

  const activate = useCallback(
    (urgent: boolean) => {
      if (swapped.current) return;
      setLoadingApp(true);
      loadApp().then(
        (App) => {
          const el = root.current;
          if (!el || swapped.current) return;
          const area = byControl(el, "sql");
          const script = area instanceof HTMLTextAreaElement ? area.value : sql;
          const swap = () => setLoaded({ App, script, focus: focusIn(el) });
          if (urgent) flushSync(swap);
          else startTransition(swap);
        },
        () => setLoadingApp(false),
      );
    },
    [sql],
  );

  useEffect(() => {
    const el = root.current;
    return el ? whenNearViewport(el, () => activate(false)) : undefined;
  }, [activate]);

  useLayoutEffect(() => {
    const el = root.current;
    if (!loaded || !el || swapped.current) return;
    swapped.current = true;
    const target = loaded.focus && byControl(el, loaded.focus.control);
    if (target && loaded.focus) {
      target.focus({ preventScroll: true });
      if (loaded.focus.selection && target instanceof HTMLTextAreaElement)
        target.setSelectionRange(...loaded.focus.selection);
    }
    const click = replay.current;
    replay.current = null;
    if (click) byControl(el, click)?.click();
  }, [loaded]);

  const onClick = (e: MouseEvent) => {
    if (swapped.current || !(e.target instanceof Element)) return;
    const control = e.target.closest<HTMLElement>("[data-control]");
    if (control?.tagName === "A") return;
    if (control && control.dataset.control !== "sql")
      replay.current = control.dataset.control ?? null;
    activate(true);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (swapped.current) return;
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      replay.current = "run";
    }
    activate(true);
  };

  const state = loaded ? "ready" : loadingApp ? "loading" : "shell";
  return (
    // biome-ignore lint/a11y/useSemanticElements: as the request console: a group names it without a landmark per console
    <div
      ref={root}
      role="group"
      aria-label={`SQL console: ${title}`}
      data-testid="console"
      data-kind="sql"
      data-state={state}
      className={frameClass}
      onPointerDown={() => void loadApp().catch(() => {})}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onInput={() => activate(true)}
    >
      {loaded ? (
        <loaded.App
          lessonSql={sql}
          script={loaded.script}
          title={title}
          headingLevel={headingLevel}
        />
      ) : (
        <ServerShell>
          <ConsoleHeader title={title} headingLevel={headingLevel} sandboxKey={undefined} />
          <Deferred
            defer={deferShell}
            height={sqlShellHeight(sql)}
            summary={sql.trim().split("\n")[0] ?? ""}
          >
            <div className={`${formClass} pb-3`}>
              <SqlEditor script={sql} />
              <div className={sqlToolbarClass}>
                <RunButton hint={HINT} />
                <span className="ml-auto" />
                <CopyCurlButton />
              </div>
            </div>
            <div className={responseAreaClass}>
              <ResponseFrame status={<RunHintText hint={HINT} />} />
            </div>
            <details className={historyDetailsClass}>
              <HistorySummary count={0} />
            </details>
          </Deferred>
        </ServerShell>
      )}
    </div>
  );
}
