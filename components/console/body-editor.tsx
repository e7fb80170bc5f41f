import { BODY_PLACEHOLDER, BodyNote } from "./editor-parts";
import { ghostButtonClass, textareaClass } from "./styles";

type Props = {
  value: string;
  onChange: (value: string) => void;
  /** The JSON parse error, shown under the editor as a warning; the body is still sent. */
  error: string | null;
  contentType: string;
  errorId: string;
};

export function BodyEditor({ value, onChange, error, contentType, errorId }: Props) {
  const format = () => {
    try {
      onChange(JSON.stringify(JSON.parse(value), null, 2));
    } catch {
      // The warning is already on screen.
    }
  };
  return (
    <div className="space-y-1.5">
      <textarea
        data-control="body"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label="Request body"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        rows={5}
        placeholder={BODY_PLACEHOLDER}
        className={textareaClass(!!error)}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <BodyNote error={error} contentType={contentType} errorId={errorId} />
        <button
          type="button"
          data-control="format"
          className={ghostButtonClass}
          onClick={format}
          disabled={!!error}
        >
          Format
        </button>
      </div>
    </div>
  );
}
