import { withBodyType } from "./body-type";
import { BODY_PLACEHOLDER, BODY_TYPES, BodyNote, bodyTypeSelectClass } from "./editor-parts";
import { KvEditor } from "./kv-editor";
import { type BodyType, bodyContentType, type Draft } from "./request";
import { ghostButtonClass, textareaClass } from "./styles";

type Props = {
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** The JSON parse error, shown under the editor as a warning; the body is still sent. */
  error: string | null;
  errorId: string;
  /** Whether a text uses a variable that is not set (the field is then marked). */
  flag: (text: string) => boolean;
};

/**
 * The body: JSON or text in a text area, or form fields as rows (sent
 * `application/x-www-form-urlencoded`). The type select writes the Content-Type header row.
 */
export function BodyEditor({ draft, onChange, error, errorId, flag }: Props) {
  const { bodyType, body } = draft;
  const format = () => {
    try {
      onChange({ ...draft, body: JSON.stringify(JSON.parse(body), null, 2) });
    } catch {
      // The warning is already on screen.
    }
  };
  const flagged = bodyType !== "form" && flag(body);
  return (
    <div className="space-y-1.5">
      {bodyType === "form" ? (
        <KvEditor
          rows={draft.form}
          onChange={(form) => onChange({ ...draft, form })}
          noun="form field"
          control="form"
          keyPlaceholder="name"
          valuePlaceholder="value"
          empty="No form fields."
          flag={flag}
        />
      ) : (
        <textarea
          data-control="body"
          value={body}
          onChange={(e) => onChange({ ...draft, body: e.target.value })}
          aria-label="Request body"
          aria-invalid={error || flagged ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          rows={5}
          placeholder={BODY_PLACEHOLDER}
          className={textareaClass(!!error || flagged)}
        />
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <select
            aria-label="Body type"
            data-control="body-type"
            value={bodyType}
            onChange={(e) => onChange(withBodyType(draft, e.target.value as BodyType))}
            className={bodyTypeSelectClass}
          >
            {BODY_TYPES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <BodyNote error={error} contentType={bodyContentType(draft)} errorId={errorId} />
        </div>
        {bodyType === "json" && (
          <button
            type="button"
            data-control="format"
            className={ghostButtonClass}
            onClick={format}
            disabled={!!error}
          >
            Format
          </button>
        )}
      </div>
    </div>
  );
}
