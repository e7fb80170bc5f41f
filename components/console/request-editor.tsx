import { type KeyboardEvent, type ReactNode, type Ref, useId } from "react";
import { BodyEditor } from "./body-editor";
import { methodTone } from "./format";
import { KvEditor } from "./kv-editor";
import { type Draft, METHODS, methodHasBody } from "./request";

export type Tab = "params" | "headers" | "body";

type Props = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  tab: Tab;
  onTab: (tab: Tab) => void;
  onSend: () => void;
  pending: boolean;
  sendHint: string;
  bodyError: string | null;
  /** Why the last Send was refused (bad header name, path on another site…), if it was. */
  refusal: string | null;
  bodyRef: Ref<HTMLTextAreaElement>;
  /** Shown at the end of the tab bar (copy buttons). */
  actions: ReactNode;
};

export function RequestEditor(props: Props) {
  const { draft, onChange, tab, onTab, onSend, pending, sendHint, bodyError, refusal } = props;
  const id = useId();
  const hasBody = methodHasBody(draft.method);
  const tabs: { id: Tab; label: string; count?: number; disabled?: boolean }[] = [
    { id: "params", label: "Params", count: draft.query.filter((q) => q.key.trim()).length },
    { id: "headers", label: "Headers", count: draft.headers.filter((h) => h.key.trim()).length },
    { id: "body", label: "Body", disabled: !hasBody },
  ];
  const enabled = tabs.filter((t) => !t.disabled);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = enabled.findIndex((t) => t.id === tab);
    let next: number | null = null;
    if (e.key === "ArrowRight") next = (at + 1) % enabled.length;
    else if (e.key === "ArrowLeft") next = (at - 1 + enabled.length) % enabled.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = enabled.length - 1;
    const target = next === null ? undefined : enabled[next];
    if (!target) return;
    e.preventDefault();
    onTab(target.id);
    document.getElementById(`${id}-tab-${target.id}`)?.focus();
  };

  const setMethod = (method: string) => {
    onChange({ ...draft, method });
    if (!methodHasBody(method) && tab === "body") onTab("params");
    if (methodHasBody(method) && !methodHasBody(draft.method)) onTab("body");
  };

  const contentType =
    draft.headers.find((h) => h.key.trim().toLowerCase() === "content-type")?.value.trim() ||
    "application/json";

  return (
    <form
      className="space-y-2.5 px-3 pt-3 sm:px-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <div className="flex flex-wrap gap-2">
        <div className="flex h-9 min-w-0 flex-1 basis-60 rounded-lg border border-zinc-300 bg-white focus-within:border-emerald-500 focus-within:ring-2 focus-within:ring-emerald-500/25 dark:border-zinc-700 dark:bg-zinc-950">
          <div className="relative shrink-0 border-r border-zinc-200 dark:border-zinc-800">
            <select
              aria-label="Method"
              value={draft.method}
              onChange={(e) => setMethod(e.target.value)}
              className={`h-full appearance-none rounded-l-lg bg-transparent pr-6 pl-2.5 font-mono text-xs font-bold focus:outline-none ${methodTone(draft.method)}`}
            >
              {METHODS.map((m) => (
                <option
                  key={m}
                  value={m}
                  className="bg-white text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
                >
                  {m}
                </option>
              ))}
            </select>
            <svg
              aria-hidden
              viewBox="0 0 16 16"
              className="pointer-events-none absolute top-1/2 right-1.5 h-3 w-3 -translate-y-1/2 text-zinc-400"
            >
              <path
                d="M4 6l4 4 4-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </div>
          <input
            aria-label="Path"
            value={draft.path}
            onChange={(e) => onChange({ ...draft, path: e.target.value })}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            className="h-full min-w-0 flex-1 rounded-r-lg bg-transparent px-2.5 font-mono text-[13px] text-zinc-900 focus:outline-none dark:text-zinc-100"
          />
        </div>
        <button
          type="submit"
          aria-busy={pending || undefined}
          className="inline-flex h-9 w-full items-center justify-center gap-2 rounded-lg bg-emerald-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-emerald-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-500 active:bg-emerald-700 sm:w-auto"
        >
          Send
          <kbd
            aria-hidden
            className="rounded bg-emerald-700/60 px-1 font-sans text-[10px] font-medium text-emerald-50"
          >
            {sendHint}
          </kbd>
        </button>
      </div>
      {refusal && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {refusal}
        </p>
      )}
      <div className="flex flex-wrap-reverse items-center justify-between gap-x-3 border-b border-zinc-200 dark:border-zinc-800">
        <div role="tablist" aria-label="Request parts" className="-mb-px flex self-end">
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`${id}-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={`${id}-panel`}
              aria-disabled={t.disabled || undefined}
              tabIndex={tab === t.id ? 0 : -1}
              title={t.disabled ? `${draft.method} requests carry no body` : undefined}
              onClick={() => !t.disabled && onTab(t.id)}
              onKeyDown={onTabKey}
              className={`inline-flex h-8 items-center gap-1.5 border-b-2 px-2.5 text-xs font-medium focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-emerald-500 ${
                tab === t.id
                  ? "border-emerald-600 text-zinc-900 dark:border-emerald-400 dark:text-zinc-100"
                  : t.disabled
                    ? "cursor-not-allowed border-transparent text-zinc-300 dark:text-zinc-600"
                    : "border-transparent text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200"
              }`}
            >
              {t.label}
              {!!t.count && (
                <span className="rounded-full bg-zinc-100 px-1.5 font-mono text-[10px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                  {t.count}
                </span>
              )}
              {t.id === "body" && bodyError && hasBody && (
                <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-red-500" />
              )}
            </button>
          ))}
        </div>
        <div className="ml-auto flex items-center gap-0.5">{props.actions}</div>
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`} className="pb-3">
        {tab === "params" && (
          <KvEditor
            rows={draft.query}
            onChange={(query) => onChange({ ...draft, query })}
            noun="query parameter"
            keyPlaceholder="name"
            valuePlaceholder="value"
            empty="No query parameters."
          />
        )}
        {tab === "headers" && (
          <KvEditor
            rows={draft.headers}
            onChange={(headers) => onChange({ ...draft, headers })}
            noun="header"
            keyPlaceholder="Header-Name"
            valuePlaceholder="value"
            empty="No extra headers. Your sandbox key rides in a cookie."
          />
        )}
        {tab === "body" && hasBody && (
          <BodyEditor
            value={draft.body}
            onChange={(body) => onChange({ ...draft, body })}
            error={bodyError}
            contentType={contentType}
            textareaRef={props.bodyRef}
            errorId={`${id}-body-error`}
          />
        )}
      </div>
    </form>
  );
}
