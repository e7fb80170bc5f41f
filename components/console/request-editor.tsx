import { type KeyboardEvent, type ReactNode, useId, useState } from "react";
import { variablesIn } from "@/content/variables";
import { composeAddress, parseAddress, rowsFromAddress, sameAddress } from "./address";
import { AuthEditor } from "./auth-editor";
import { BodyEditor } from "./body-editor";
import { type Tab, TabLabel, tabsOf } from "./editor-parts";
import { fillDraft } from "./fill";
import { KvEditor } from "./kv-editor";
import { Caret, SendButton } from "./parts";
import { type Draft, type KeyValue, METHODS, methodHasBody } from "./request";
import {
  addressBoxClass,
  formClass,
  methodSelectClass,
  methodTone,
  pathInputClass,
  tabBarClass,
  tabClass,
} from "./styles";
import type { Variable } from "./variables";
import { VarsEditor } from "./vars-editor";

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
  /** Shown at the end of the tab bar (copy buttons). */
  actions: ReactNode;
  /** The console's variables, filled into the request when it is sent. */
  variables: readonly Variable[];
};

export function RequestEditor(props: Props) {
  const { draft, onChange, tab, onTab, onSend, pending, sendHint, bodyError, refusal } = props;
  const id = useId();
  const hasBody = methodHasBody(draft.method);
  const tabs = tabsOf(draft, props.variables.length);
  const enabled = tabs.filter((t) => !t.disabled);
  // Variables the request uses that are not set: their fields and tabs are marked.
  const { missing } = fillDraft(draft, (n) => props.variables.find((v) => v.name === n)?.value);
  const flag = (text: string) => variablesIn(text).some((n) => missing.includes(n));
  const flagRows = (rows: KeyValue[]) => rows.some((r) => flag(r.key) || flag(r.value));
  const warns: Record<Tab, boolean> = {
    params: flag(draft.path) || flagRows(draft.query),
    auth: flagRows(draft.headers.filter((h) => h.key.trim().toLowerCase() === "authorization")),
    headers: flagRows(draft.headers),
    body:
      hasBody &&
      (!!bodyError || (draft.bodyType === "form" ? flagRows(draft.form) : flag(draft.body))),
    vars: missing.length > 0,
  };
  // The address as typed, while it means the draft's path and query; otherwise (the Params tab or
  // a replay changed them) the address they compose.
  const [typed, setTyped] = useState(() => composeAddress(draft.path, draft.query));
  const address = sameAddress(typed, draft.path, draft.query)
    ? typed
    : composeAddress(draft.path, draft.query);
  const setAddress = (text: string) => {
    setTyped(text);
    const { path, pairs } = parseAddress(text);
    onChange({ ...draft, path, query: rowsFromAddress(pairs, draft.query) });
  };

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

  return (
    <form
      className={formClass}
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <div className="flex flex-wrap gap-2">
        <div className={addressBoxClass}>
          <div className="relative shrink-0 border-r border-zinc-200 dark:border-zinc-800">
            <select
              aria-label="Method"
              data-control="method"
              value={draft.method}
              onChange={(e) => setMethod(e.target.value)}
              className={`${methodSelectClass} ${methodTone(draft.method)}`}
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
            <Caret />
          </div>
          <input
            aria-label="Path"
            data-control="path"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            className={pathInputClass}
          />
        </div>
        <SendButton type="submit" busy={pending} hint={sendHint} />
      </div>
      {refusal && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {refusal}
        </p>
      )}
      <div className={tabBarClass}>
        <div role="tablist" aria-label="Request parts" className="-mb-px flex self-end">
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`${id}-tab-${t.id}`}
              data-control={`tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={`${id}-panel`}
              aria-disabled={t.disabled || undefined}
              tabIndex={tab === t.id ? 0 : -1}
              title={t.disabled ? `${draft.method} requests carry no body` : undefined}
              onClick={() => !t.disabled && onTab(t.id)}
              onKeyDown={onTabKey}
              className={tabClass(tab === t.id, !!t.disabled)}
            >
              <TabLabel tab={t} warn={warns[t.id]} />
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
            control="query"
            keyPlaceholder="name"
            valuePlaceholder="value"
            empty="No query parameters."
            flag={flag}
          />
        )}
        {tab === "auth" && (
          <AuthEditor draft={draft} onChange={onChange} variables={props.variables} />
        )}
        {tab === "headers" && (
          <KvEditor
            rows={draft.headers}
            onChange={(headers) => onChange({ ...draft, headers })}
            noun="header"
            control="header"
            keyPlaceholder="Header-Name"
            valuePlaceholder="value"
            empty="No extra headers. Your sandbox key rides in a cookie."
            flag={flag}
          />
        )}
        {tab === "body" && hasBody && (
          <BodyEditor
            draft={draft}
            onChange={onChange}
            error={bodyError}
            errorId={`${id}-body-error`}
            flag={flag}
          />
        )}
        {tab === "vars" && <VarsEditor variables={props.variables} missing={missing} />}
      </div>
    </form>
  );
}
