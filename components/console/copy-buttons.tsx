import { useEffect, useState } from "react";
import { ghostButtonClass } from "./kv-editor";

export type SnippetKind = "curl" | "fetch";

type Props = {
  /** The snippet to copy, or an error saying why there is none (e.g. the body is not JSON). */
  snippet: (kind: SnippetKind) => { text: string } | { error: string };
  /** Why nothing was copied (or `null` to clear it), shown where the console reports errors. */
  onError: (message: string | null) => void;
};

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain http on a LAN address has no Clipboard API: fall back to a selection copy.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

export function CopyButtons({ snippet, onError }: Props) {
  const [copied, setCopied] = useState<SnippetKind | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async (kind: SnippetKind) => {
    const result = snippet(kind);
    if ("error" in result) {
      onError(`Cannot copy yet: ${result.error}`);
      return;
    }
    try {
      await writeClipboard(result.text);
      onError(null);
      setCopied(kind);
    } catch {
      onError("The browser refused access to the clipboard.");
    }
  };

  return (
    <>
      <span role="status" className="sr-only">
        {copied && `The ${copied} command is on your clipboard`}
      </span>
      {(["curl", "fetch"] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          aria-label={`Copy as ${kind}`}
          title={`Copy as ${kind}`}
          onClick={() => copy(kind)}
          className={`${ghostButtonClass} h-7 font-mono ${copied === kind ? "text-emerald-600 dark:text-emerald-400" : ""}`}
        >
          {copied === kind ? (
            <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5">
              <path
                d="M3 8.5l3 3 7-7"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
          ) : (
            <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5">
              <rect
                x="5"
                y="5"
                width="8.5"
                height="8.5"
                rx="1.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
              />
              <path
                d="M3 10.5V4a1.5 1.5 0 0 1 1.5-1.5H11"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
              />
            </svg>
          )}
          {copied === kind ? "Copied" : kind}
        </button>
      ))}
    </>
  );
}
