import { composeAddress } from "./address";
import { Deferred } from "./deferred";
import { type ConsoleRequest, type HeadingLevel, headingText, initialTab } from "./draft";
import {
  AddLabel,
  BODY_PLACEHOLDER,
  BODY_TYPES,
  BodyNote,
  bodyTypeSelectClass,
  capitalize,
  RemoveIcon,
  TabLabel,
  tabsOf,
} from "./editor-parts";
import {
  Caret,
  ConsoleHeader,
  CopyIcon,
  HistorySummary,
  historyDetailsClass,
  ResponseFrame,
  SendButton,
  SendHintText,
} from "./parts";
import { bodyContentType, bodyJsonError, type Draft, METHODS } from "./request";
import {
  addressBoxClass,
  copyButtonClass,
  formClass,
  ghostButtonClass,
  inputClass,
  kvRowClass,
  methodSelectClass,
  methodTone,
  mutedTextClass,
  pathInputClass,
  removeButtonClass,
  responseAreaClass,
  tabBarClass,
  tabClass,
  textareaClass,
} from "./styles";

type Props = {
  request: ConsoleRequest;
  draft: Draft;
  headingLevel: HeadingLevel;
  /** Prefix for the ids that tie tabs to their panel. */
  idBase: string;
  /** Send all but the header in a template, drawn when near the viewport (see `Deferred`). */
  defer: boolean;
};

/**
 * How tall the shell is below its header, in px, below the `sm` breakpoint (Send wraps under the
 * address) and from it on: measured in Chromium, for the deferred shell's placeholder. Off by a
 * few pixels it costs nothing visible: the placeholder is replaced a screen before it is seen.
 */
export function shellHeight(draft: Draft): { narrow: number; wide: number } {
  const rows = (n: number) => (n === 0 ? 0 : 16 + 38 * (n - 1));
  const tab = initialTab(draft);
  const extra =
    tab === "params"
      ? rows(draft.query.length)
      : draft.bodyType === "form"
        ? rows(draft.form.length) + 40
        : 96;
  return { narrow: 340 + extra, wide: 253 + extra };
}

const HINT = "Ctrl ↵";

/**
 * What a console looks like before its interactive code loads: the same boxes, sizes and labels,
 * with plain uncontrolled fields and no handlers of its own. The island around it swaps in the
 * interactive console when it comes near the viewport or is used, and carries over what the learner
 * typed here and where the focus was (see `console-island.tsx`).
 */
export function ConsoleShell({ request, draft, headingLevel, idBase, defer }: Props) {
  const tab = initialTab(draft);
  const bodyError = bodyJsonError(draft);
  return (
    <>
      <ConsoleHeader
        title={headingText(request)}
        headingLevel={headingLevel}
        sandboxKey={undefined}
      />
      <Deferred
        defer={defer}
        height={shellHeight(draft)}
        summary={`${draft.method} ${composeAddress(draft.path, draft.query)}`}
      >
        <div className={formClass}>
          <div className="flex flex-wrap gap-2">
            <div className={addressBoxClass}>
              <div className="relative shrink-0 border-r border-zinc-200 dark:border-zinc-800">
                <select
                  aria-label="Method"
                  data-control="method"
                  defaultValue={draft.method}
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
                defaultValue={composeAddress(draft.path, draft.query)}
                spellCheck={false}
                autoComplete="off"
                autoCapitalize="off"
                className={pathInputClass}
              />
            </div>
            <SendButton type="button" hint={HINT} />
          </div>
          <div className={tabBarClass}>
            <div role="tablist" aria-label="Request parts" className="-mb-px flex self-end">
              {tabsOf(draft).map((t) => (
                <button
                  key={t.id}
                  id={`${idBase}-tab-${t.id}`}
                  data-control={`tab-${t.id}`}
                  type="button"
                  role="tab"
                  aria-selected={tab === t.id}
                  aria-controls={`${idBase}-panel`}
                  aria-disabled={t.disabled || undefined}
                  tabIndex={tab === t.id ? 0 : -1}
                  className={tabClass(tab === t.id, !!t.disabled)}
                >
                  <TabLabel tab={t} warn={t.id === "body" && !!bodyError} />
                </button>
              ))}
            </div>
            <div className="ml-auto flex items-center gap-0.5">
              {(["curl", "fetch"] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  data-control={`copy-${kind}`}
                  aria-label={`Copy as ${kind}`}
                  title={`Copy as ${kind}`}
                  className={copyButtonClass}
                >
                  <CopyIcon />
                  {kind}
                </button>
              ))}
            </div>
          </div>
          <div
            id={`${idBase}-panel`}
            role="tabpanel"
            aria-labelledby={`${idBase}-tab-${tab}`}
            className="pb-3"
          >
            {tab === "params" ? (
              <ShellRows rows={draft.query} noun="query parameter" control="query" />
            ) : draft.bodyType === "form" ? (
              <div className="space-y-1.5">
                <ShellRows rows={draft.form} noun="form field" control="form" />
                <div className="flex flex-wrap items-center gap-2">
                  <ShellBodyType draft={draft} />
                  <BodyNote error={null} contentType={bodyContentType(draft)} />
                </div>
              </div>
            ) : (
              <ShellBody draft={draft} error={bodyError} />
            )}
          </div>
        </div>
        <div className={responseAreaClass}>
          <ResponseFrame status={<SendHintText hint={HINT} />} />
        </div>
        <details className={historyDetailsClass}>
          <HistorySummary count={0} />
        </details>
      </Deferred>
    </>
  );
}

type RowsProps = { rows: Draft["query"]; noun: string; control: string };

function ShellRows({ rows, noun, control }: RowsProps) {
  return (
    <div className="space-y-1.5">
      {rows.length === 0 && <p className={mutedTextClass}>No {noun}s.</p>}
      {rows.map((r, i) => (
        <div key={r.id} className={kvRowClass}>
          <input
            data-control={`${control}-name-${i}`}
            className={inputClass}
            defaultValue={r.key}
            placeholder="name"
            aria-label={`${capitalize(noun)} ${i + 1} name`}
            spellCheck={false}
            autoComplete="off"
          />
          <input
            data-control={`${control}-value-${i}`}
            className={inputClass}
            defaultValue={r.value}
            placeholder="value"
            aria-label={`${capitalize(noun)} ${i + 1} value`}
            spellCheck={false}
            autoComplete="off"
          />
          <button
            type="button"
            data-control={`${control}-remove-${i}`}
            className={removeButtonClass}
            aria-label={`Remove ${noun} ${i + 1}`}
            title={`Remove ${noun}`}
          >
            <RemoveIcon />
          </button>
        </div>
      ))}
      <button type="button" data-control={`${control}-add`} className={ghostButtonClass}>
        <AddLabel noun={noun} />
      </button>
    </div>
  );
}

function ShellBodyType({ draft }: { draft: Draft }) {
  return (
    <select
      aria-label="Body type"
      data-control="body-type"
      defaultValue={draft.bodyType}
      className={bodyTypeSelectClass}
    >
      {BODY_TYPES.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

function ShellBody({ draft, error }: { draft: Draft; error: string | null }) {
  const contentType = bodyContentType(draft);
  return (
    <div className="space-y-1.5">
      <textarea
        data-control="body"
        defaultValue={draft.body}
        aria-label="Request body"
        aria-invalid={error ? true : undefined}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        rows={5}
        placeholder={BODY_PLACEHOLDER}
        className={textareaClass(!!error)}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <ShellBodyType draft={draft} />
          <BodyNote error={error} contentType={contentType} />
        </div>
        {draft.bodyType === "json" && (
          <button
            type="button"
            data-control="format"
            className={ghostButtonClass}
            disabled={!!error}
          >
            Format
          </button>
        )}
      </div>
    </div>
  );
}
