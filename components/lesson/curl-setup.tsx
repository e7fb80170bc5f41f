"use client";

import { type ReactNode, useState } from "react";
import { useSandboxKey } from "@/components/console/sandbox";
import { CopyButton } from "@/components/ui/copy-button";
import { usePageOrigin } from "@/components/ui/use-page-origin";
import { learnerKey } from "./code-block";
import { setupCommands } from "./shell-text";

/**
 * A lesson's terminal setup: this site's address and the learner's key in two variables, then a
 * first command that uses them. The address is the one this page was loaded from; the key is the
 * sandbox the consoles use, hidden until asked for. Copy copies it all filled in, key included.
 */
export function CurlSetup({ command }: { command: string }) {
  const origin = usePageOrigin();
  const key = useSandboxKey();
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function reveal() {
    if (revealed) {
      setRevealed(false);
      return;
    }
    setBusy(true);
    try {
      await learnerKey();
      setProblem(null);
      setRevealed(true);
    } catch (error) {
      setProblem(`No key to show: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const shownKey = key ? (revealed ? key : `${key.slice(0, 8)}${"•".repeat(16)}`) : "sbx_…";
  return (
    <figure data-rehype-pretty-code-figure="" data-testid="curl-setup">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways; keyboard users must reach it, as rehype-pretty-code's blocks do */}
      <pre tabIndex={0} data-language="bash">
        <code data-language="bash" style={{ display: "grid" }}>
          <Line>
            <Keyword>export</Keyword>
            <span style={PLAIN}> BMJ</span>
            <Keyword>=</Keyword>
            <Str>"{origin ?? "…"}"</Str>
          </Line>
          {"\n"}
          <Line>
            <Keyword>export</Keyword>
            <span style={PLAIN}> KEY</span>
            <Keyword>=</Keyword>
            <Str>
              "<span data-testid="curl-setup-key">{shownKey}</span>"
            </Str>
          </Line>
          {"\n"}
          <Line>{highlight(command)}</Line>
        </code>
      </pre>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs">
        <button
          type="button"
          onClick={reveal}
          disabled={busy}
          className="inline-flex h-7 items-center rounded-md border border-zinc-300 bg-white px-2.5 text-xs font-medium text-zinc-800 shadow-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-emerald-700 disabled:opacity-60 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700 dark:focus-visible:outline-emerald-400"
        >
          {revealed ? "Hide key" : "Reveal key"}
        </button>
        <CopyButton
          what="commands"
          text={async () => setupCommands(window.location.origin, await learnerKey(), command)}
        />
        <span className="text-zinc-600 dark:text-zinc-400">
          {key === null
            ? "You have no sandbox yet: Reveal key or Copy makes one, and the consoles on this page use it too."
            : "This site's address and your sandbox key are filled in; Copy includes the key."}
        </span>
        {problem && (
          <span role="alert" className="basis-full text-rose-700 dark:text-rose-300">
            {problem}
          </span>
        )}
      </div>
    </figure>
  );
}

// The colours rehype-pretty-code gives these tokens in the lesson's two themes.
const tone = (light: string, dark: string) =>
  ({ "--shiki-light": light, "--shiki-dark": dark }) as React.CSSProperties;
const KEYWORD = tone("#D73A49", "#F47067");
const COMMAND = tone("#6F42C1", "#F69D50");
const FLAG = tone("#005CC5", "#6CB6FF");
const STRING = tone("#032F62", "#96D0FF");
const PLAIN = tone("#24292E", "#ADBAC7");

function Line({ children }: { children: ReactNode }) {
  return <span data-line="">{children}</span>;
}

function Keyword({ children }: { children: ReactNode }) {
  return <span style={KEYWORD}>{children}</span>;
}

function Str({ children }: { children: ReactNode }) {
  return <span style={STRING}>{children}</span>;
}

/** A one-line command coloured as the lesson's other shell blocks are. */
function highlight(command: string): ReactNode[] {
  const tokens = command.match(/"[^"]*"|'[^']*'|\s+|\|+|[^\s"'|]+/g) ?? [];
  const out: ReactNode[] = [];
  let first = true;
  for (const token of tokens) {
    const at = out.length;
    if (/^\s/.test(token)) {
      out.push(token);
      continue;
    }
    if (token.startsWith('"')) {
      // Variables inside double quotes are expanded: drawn plain, as rehype-pretty-code does.
      for (const part of token.split(/(\$\{?\w+\}?)/)) {
        if (part)
          out.push(
            <span key={out.length} style={part.startsWith("$") ? PLAIN : STRING}>
              {part}
            </span>,
          );
      }
    } else {
      const style = token.startsWith("'")
        ? STRING
        : token.startsWith("|")
          ? KEYWORD
          : first
            ? COMMAND
            : token.startsWith("-")
              ? FLAG
              : PLAIN;
      out.push(
        <span key={at} style={style}>
          {token}
        </span>,
      );
    }
    first = token.startsWith("|");
  }
  return out;
}
