import { useEffect, useState } from "react";
import { writeClipboard } from "@/components/ui/clipboard";
import { CheckIcon, CopyIcon } from "./parts";
import { copyButtonClass } from "./styles";

export type SnippetKind = "curl" | "fetch";

type Props = {
  /** The snippet to copy, or an error saying why there is none (e.g. the body is not JSON). */
  snippet: (kind: SnippetKind) => { text: string } | { error: string };
  /** Why nothing was copied (or `null` to clear it), shown where the console reports errors. */
  onError: (message: string | null) => void;
};

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
          data-control={`copy-${kind}`}
          aria-label={`Copy as ${kind}`}
          title={`Copy as ${kind}`}
          onClick={() => copy(kind)}
          className={`${copyButtonClass} ${copied === kind ? "text-emerald-700 dark:text-emerald-400" : ""}`}
        >
          {copied === kind ? <CheckIcon /> : <CopyIcon />}
          {copied === kind ? "Copied" : kind}
        </button>
      ))}
    </>
  );
}
