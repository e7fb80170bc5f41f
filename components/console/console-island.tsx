"use client";

import {
  type ComponentType,
  type KeyboardEvent,
  type MouseEvent,
  startTransition,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { flushSync } from "react-dom";
import { composeAddress, parseAddress, rowsFromAddress } from "./address";
import type { ConsoleAppProps } from "./console-app";
import { ConsoleShell } from "./console-shell";
import { type ConsoleRequest, consoleLabel, type HeadingLevel, initialDraft } from "./draft";
import { whenNearViewport } from "./near-viewport";
import type { Draft } from "./request";
import { ServerShell } from "./server-shell";
import { frameClass } from "./styles";

type App = ComponentType<ConsoleAppProps>;

let loading: Promise<App> | null = null;

/** The interactive console's code: one chunk, fetched once for every console on the page. */
function loadApp(): Promise<App> {
  loading ??= import("./console-app").then(
    (m) => m.ConsoleApp,
    (error: unknown) => {
      loading = null; // A later attempt fetches it again.
      throw error;
    },
  );
  return loading;
}

/** Where the focus was in the shell, to put it back on the same control in the console. */
type Focus = { control: string; selection: [number, number] | null };
type Loaded = { App: App; draft: Draft; focus: Focus | null };

const byControl = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLElement>(`[data-control="${CSS.escape(name)}"]`);

function fieldValue(root: HTMLElement, name: string): string | undefined {
  const el = byControl(root, name);
  return el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement
    ? el.value
    : undefined;
}

/** The lesson's request with whatever the learner changed in the shell before it was swapped. */
function readShell(root: HTMLElement, initial: Draft): Draft {
  const draft = {
    ...initial,
    method: fieldValue(root, "method") ?? initial.method,
    body: fieldValue(root, "body") ?? initial.body,
    query: initial.query.map((r, i) => ({
      ...r,
      key: fieldValue(root, `query-name-${i}`) ?? r.key,
      value: fieldValue(root, `query-value-${i}`) ?? r.value,
    })),
  };
  // The address field holds the path and the query: if it was edited, it says both.
  const address = fieldValue(root, "path");
  if (address === undefined || address === composeAddress(initial.path, initial.query))
    return draft;
  const { path, pairs } = parseAddress(address);
  return { ...draft, path, query: rowsFromAddress(pairs, initial.query) };
}

function focusIn(root: HTMLElement): Focus | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return null;
  const control = active.dataset.control;
  if (!control) return null;
  if (!isTextField(active) || active.selectionStart === null) return { control, selection: null };
  const start = active.selectionStart;
  return { control, selection: [start, active.selectionEnd ?? start] };
}

function isPressable(el: EventTarget): el is HTMLElement {
  return el instanceof HTMLButtonElement || (el instanceof HTMLElement && el.tagName === "SUMMARY");
}

function isTextField(el: EventTarget): el is HTMLInputElement | HTMLTextAreaElement {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
}

type Props = {
  request: ConsoleRequest;
  headingLevel: HeadingLevel;
  /** Send the shell's bulk in a template until it is near the viewport (see `Deferred`). */
  deferShell: boolean;
};

/**
 * One console on a lesson page. It renders a light shell that looks exactly like the console, and
 * loads the interactive console (its own chunk) only when the shell comes near the viewport or the
 * learner uses it. Then it swaps the shell for the console in place, keeping what was typed, the
 * focus, and a pending click or Send. The wrapper stays, so `data-state` tells which is showing:
 * `shell`, `loading` or `ready`.
 */
export function ConsoleIsland({ request, headingLevel, deferShell }: Props) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const initial = useMemo(() => initialDraft(request), [request]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingApp, setLoadingApp] = useState(false);
  const swapped = useRef(false);
  // A click on the shell (Send, a tab, a copy button…), replayed on the console once it is there.
  const replay = useRef<string | null>(null);
  const pointerAt = useRef(0);

  const activate = useCallback(
    (urgent: boolean) => {
      if (swapped.current) return;
      setLoadingApp(true);
      loadApp().then(
        (App) => {
          const el = root.current;
          if (!el || swapped.current) return;
          const swap = () => setLoaded({ App, draft: readShell(el, initial), focus: focusIn(el) });
          // Near the viewport: render without blocking the page. Used: at once, so nothing typed
          // in between is lost.
          if (urgent) flushSync(swap);
          else startTransition(swap);
        },
        () => setLoadingApp(false),
      );
    },
    [initial],
  );

  useEffect(() => {
    const el = root.current;
    return el ? whenNearViewport(el, () => activate(false)) : undefined;
  }, [activate]);

  useLayoutEffect(() => {
    const el = root.current;
    if (!loaded || !el || swapped.current) return;
    swapped.current = true;
    const { focus } = loaded;
    const target = focus && byControl(el, focus.control);
    if (target) {
      target.focus({ preventScroll: true });
      if (focus.selection && isTextField(target)) target.setSelectionRange(...focus.selection);
    }
    const click = replay.current;
    replay.current = null;
    if (click) byControl(el, click)?.click();
  }, [loaded]);

  const onClick = (e: MouseEvent) => {
    if (swapped.current || !(e.target instanceof Element)) return;
    const control = e.target.closest<HTMLElement>("[data-control]");
    if (control?.tagName === "A") return; // The sandbox link just navigates.
    if (control && !isTextField(control)) replay.current = control.dataset.control ?? null;
    activate(true);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const enter = e.key === "Enter";
    if (enter && (e.metaKey || e.ctrlKey)) {
      // Ctrl/⌘ + Enter anywhere in the console sends.
      e.preventDefault();
      if (swapped.current && root.current) byControl(root.current, "send")?.click();
      else {
        replay.current = "send";
        activate(true);
      }
      return;
    }
    if (swapped.current) return;
    const control = e.target instanceof HTMLElement ? e.target.dataset.control : undefined;
    if (enter && e.target instanceof HTMLInputElement) {
      e.preventDefault(); // Enter in a field sends, as in the console's form.
      replay.current = "send";
    } else if ((enter || e.key === " ") && control && isPressable(e.target)) {
      e.preventDefault(); // The button it would press is about to be replaced: press the new one.
      replay.current = control;
    }
    activate(true);
  };

  const state = loaded ? "ready" : loadingApp ? "loading" : "shell";
  const App = loaded?.App;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a console is not a set of form fields (it holds a response, history, links); a group names it without adding a landmark per console
    <div
      ref={root}
      role="group"
      aria-label={consoleLabel(request)}
      data-testid="console"
      data-state={state}
      className={frameClass}
      onPointerDown={() => {
        pointerAt.current = Date.now();
        void loadApp().catch(() => {});
      }}
      onFocus={() => {
        // A pointer press focuses before its click: let the click (replayed) decide.
        if (Date.now() - pointerAt.current > 1000) activate(true);
      }}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onInput={() => activate(true)}
      onChange={() => activate(true)}
    >
      {App && loaded ? (
        <App request={request} draft={loaded.draft} headingLevel={headingLevel} />
      ) : (
        <ServerShell>
          <ConsoleShell
            request={request}
            draft={initial}
            headingLevel={headingLevel}
            idBase={id}
            defer={deferShell}
          />
        </ServerShell>
      )}
    </div>
  );
}
