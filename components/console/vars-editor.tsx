import { useRef } from "react";
import { AddLabel, RemoveIcon } from "./editor-parts";
import {
  ghostButtonClass,
  inputClass,
  kvRowClass,
  mutedTextClass,
  removeButtonClass,
} from "./styles";
import {
  addVariable,
  isVariableName,
  removeVariable,
  saveVariables,
  updateVariable,
  type Variable,
} from "./variables";

type Props = {
  variables: readonly Variable[];
  /** The variables this request uses that are not set. */
  missing: readonly string[];
};

const invalidClass = "border-amber-500 dark:border-amber-400/70";

/**
 * The Vars tab: every variable of the learner's sandbox, shared by all the consoles. Each can be
 * renamed, changed or removed; a new one added by hand; and one the request uses but nobody set
 * yet added in one click.
 */
export function VarsEditor({ variables, missing }: Props) {
  const focusId = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const addMissing = (name: string) => {
    saveVariables([[name, ""]], undefined);
    // Its value is what the learner came to type.
    requestAnimationFrame(() =>
      panel.current
        ?.querySelector<HTMLInputElement>(`[aria-label="Value of variable ${name}"]`)
        ?.focus(),
    );
  };
  const nameRef = (id: string) => (el: HTMLInputElement | null) => {
    if (el && focusId.current === id) {
      focusId.current = null;
      el.focus();
    }
  };
  const remove = (id: string) => {
    const at = variables.findIndex((v) => v.id === id);
    const neighbour = variables[at + 1] ?? variables[at - 1];
    focusId.current = neighbour?.id ?? null;
    removeVariable(id);
    if (!neighbour) requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <div ref={panel} className="space-y-1.5">
      <p className={mutedTextClass}>
        Saved from responses (a login saves its token) and written into any request as{" "}
        <span className="font-mono">{"{{name}}"}</span>. Kept in this browser for your sandbox; a
        reset clears them.
      </p>
      {missing.length > 0 && (
        <p className="flex flex-wrap items-center gap-1.5 text-xs text-amber-800 dark:text-amber-300">
          This request uses, not set yet:
          {missing.map((name) => (
            <button
              key={name}
              type="button"
              className={`${ghostButtonClass} font-mono text-amber-800 dark:text-amber-300`}
              onClick={() => addMissing(name)}
            >
              <AddLabel noun={`{{${name}}}`} />
            </button>
          ))}
        </p>
      )}
      {variables.map((v, i) => {
        const label = v.name || `${i + 1}`;
        const badName = v.name !== "" && !isVariableName(v.name);
        return (
          <div key={v.id} className="space-y-0.5">
            <div className={kvRowClass}>
              <input
                ref={nameRef(v.id)}
                data-control={`var-name-${i}`}
                className={`${inputClass} ${badName ? invalidClass : ""}`}
                value={v.name}
                placeholder="name"
                aria-label={`Variable ${i + 1} name`}
                aria-invalid={badName || undefined}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => updateVariable(v.id, { name: e.target.value })}
              />
              <input
                data-control={`var-value-${i}`}
                className={inputClass}
                value={v.value}
                placeholder="value"
                aria-label={`Value of variable ${label}`}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => updateVariable(v.id, { value: e.target.value })}
              />
              <button
                type="button"
                data-control={`var-remove-${i}`}
                className={removeButtonClass}
                aria-label={`Remove variable ${label}`}
                title="Remove variable"
                onClick={() => remove(v.id)}
              >
                <RemoveIcon />
              </button>
            </div>
            {badName && (
              <p className="text-xs text-amber-800 dark:text-amber-300">
                A name starts with a letter, then letters, digits or _.
              </p>
            )}
            {v.from && !badName && (
              <p className="truncate text-[11px] text-zinc-600 dark:text-zinc-400">
                From “{v.from}”
              </p>
            )}
          </div>
        );
      })}
      <button
        ref={addButton}
        type="button"
        data-control="var-add"
        className={ghostButtonClass}
        onClick={() => {
          focusId.current = addVariable();
        }}
      >
        <AddLabel noun="variable" />
      </button>
    </div>
  );
}
