import { useRef } from "react";
import { AddLabel, capitalize, RemoveIcon } from "./editor-parts";
import { type KeyValue, row } from "./request";
import {
  ghostButtonClass,
  inputClass,
  kvRowClass,
  mutedTextClass,
  removeButtonClass,
} from "./styles";

type Props = {
  rows: KeyValue[];
  onChange: (rows: KeyValue[]) => void;
  /** Singular noun for labels: "query parameter", "header". */
  noun: string;
  /** Prefix of each control's `data-control` name: "query", "header". */
  control: string;
  keyPlaceholder: string;
  valuePlaceholder: string;
  /** Shown when there are no rows. */
  empty: string;
  /** Whether a text uses a variable that is not set: its field is marked. */
  flag?: (text: string) => boolean;
};

const flaggedClass = "border-amber-500 dark:border-amber-400/70";

/** Editable key/value rows (query parameters, headers). Focus follows adding and removing rows. */
export function KvEditor(props: Props) {
  const { rows, onChange, noun, control, keyPlaceholder, valuePlaceholder, empty } = props;
  const flag = props.flag ?? (() => false);
  // The row whose name input takes focus once it is on screen (a new one, or the one after a removed one).
  const focusRow = useRef<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const update = (id: number, patch: Partial<KeyValue>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const add = () => {
    const next = row();
    focusRow.current = next.id;
    onChange([...rows, next]);
  };
  const remove = (id: number) => {
    const at = rows.findIndex((r) => r.id === id);
    const rest = rows.filter((r) => r.id !== id);
    const neighbour = rest[at] ?? rest[at - 1];
    focusRow.current = neighbour?.id ?? null;
    onChange(rest);
    if (!neighbour) requestAnimationFrame(() => addButton.current?.focus());
  };
  const nameRef = (id: number) => (el: HTMLInputElement | null) => {
    if (el && focusRow.current === id) {
      focusRow.current = null;
      el.focus();
    }
  };

  return (
    <div className="space-y-1.5">
      {rows.length === 0 && <p className={mutedTextClass}>{empty}</p>}
      {rows.map((r, i) => (
        <div key={r.id} className={kvRowClass}>
          <input
            ref={nameRef(r.id)}
            data-control={`${control}-name-${i}`}
            className={inputClass}
            value={r.key}
            placeholder={keyPlaceholder}
            aria-label={`${capitalize(noun)} ${i + 1} name`}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => update(r.id, { key: e.target.value })}
          />
          <input
            data-control={`${control}-value-${i}`}
            className={`${inputClass} ${flag(r.value) ? flaggedClass : ""}`}
            aria-invalid={flag(r.value) || undefined}
            value={r.value}
            placeholder={valuePlaceholder}
            aria-label={`${capitalize(noun)} ${i + 1} value`}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => update(r.id, { value: e.target.value })}
          />
          <button
            type="button"
            data-control={`${control}-remove-${i}`}
            className={removeButtonClass}
            aria-label={`Remove ${noun} ${i + 1}`}
            title={`Remove ${noun}`}
            onClick={() => remove(r.id)}
          >
            <RemoveIcon />
          </button>
        </div>
      ))}
      <button
        ref={addButton}
        type="button"
        data-control={`${control}-add`}
        className={ghostButtonClass}
        onClick={add}
      >
        <AddLabel noun={noun} />
      </button>
    </div>
  );
}
