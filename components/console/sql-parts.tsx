import type { ButtonHTMLAttributes } from "react";
import { CopyIcon, keyboardOnly } from "./parts";
import { copyButtonClass, sendButtonClass, sendKbdClass } from "./styles";

/** Pieces the SQL console's light shell and its interactive console draw alike (no hooks). */

type RunProps = ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; hint: string };

/** Always named "Run"; while the script runs it shows a spinner instead of the shortcut. */
export function RunButton({ busy = false, hint, ...button }: RunProps) {
  return (
    <button
      type="button"
      {...button}
      data-control="run"
      aria-busy={busy || undefined}
      className={sendButtonClass}
    >
      Run
      {busy ? (
        <span
          aria-hidden
          className="h-3 w-3 animate-spin rounded-full border-2 border-white/40 border-t-white"
        />
      ) : (
        <kbd aria-hidden data-testid="send-shortcut" className={`${sendKbdClass} ${keyboardOnly}`}>
          {hint}
        </kbd>
      )}
    </button>
  );
}

export function CopyCurlButton(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      data-control="copy-curl"
      aria-label="Copy as curl"
      title="Copy as curl"
      className={copyButtonClass}
      {...props}
    >
      {props.children ?? (
        <>
          <CopyIcon />
          curl
        </>
      )}
    </button>
  );
}

export function RunHintText({ hint }: { hint: string }) {
  return (
    <span className="text-zinc-600 dark:text-zinc-400">
      Press <strong className="font-medium text-zinc-800 dark:text-zinc-200">Run</strong>
      <span data-testid="send-shortcut" className={keyboardOnly}>
        {" "}
        ({hint})
      </span>{" "}
      to run the script on real Postgres, in a transaction that is always rolled back.
    </span>
  );
}

export const sqlToolbarClass = "flex flex-wrap items-center gap-2";
