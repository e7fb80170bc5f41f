"use client";

import { type ComponentProps, useEffect, useRef, useState } from "react";
import { whenNearViewport } from "@/components/console/near-viewport";
import { ensureSandbox } from "@/components/console/sandbox";
import { CopyButton } from "@/components/ui/copy-button";
import { isShell, pasteable, usesKey } from "./shell-text";

type Props = ComponentProps<"pre"> & {
  "data-language"?: string;
  "data-theme"?: string;
  /** The highlighted tokens as HTML (lib/mdx/render-lazily.ts); the `pre` then has no children. */
  "data-code-html"?: string;
};

/**
 * Every code block in a lesson (MDX `pre`), with a Copy button. Shell commands are copied ready
 * to run: this site's address and the learner's key in place of `$BMJ` and `$KEY`, which the
 * lesson's setup block defines, and without comments.
 */
export function CodeBlock({ "data-code-html": html, children, ...props }: Props) {
  const pre = useRef<HTMLPreElement>(null);
  const shell = isShell(props["data-language"]);
  // The page arrives with the code as plain text, one text node per block; its highlighted tokens
  // (thousands of elements in a lesson) are drawn only when the block comes near the viewport.
  const [highlighted, setHighlighted] = useState(false);
  useEffect(() => {
    if (html === undefined || !pre.current) return;
    return whenNearViewport(pre.current, () => setHighlighted(true));
  }, [html]);
  const codeProps = { "data-language": props["data-language"], "data-theme": props["data-theme"] };
  const code =
    html === undefined ? (
      children
    ) : highlighted ? (
      // The `code` element as rehype-pretty-code writes it; React places the tokens as one string.
      <code
        {...codeProps}
        style={{ display: "grid" }}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: highlighted at build time from the lesson's own code fences.
        dangerouslySetInnerHTML={{ __html: html }}
      />
    ) : (
      <code {...codeProps} className="block px-4">
        {plainText(html)}
      </code>
    );

  async function text(): Promise<string> {
    // A blank line is drawn with a space so that it keeps its height: copied, it is empty again.
    const shown = (pre.current?.textContent ?? "").replace(/^[ \t]+$/gm, "");
    if (!shell) return shown;
    return pasteable(shown, {
      BMJ: window.location.origin,
      KEY: usesKey(shown) ? await learnerKey() : undefined,
    });
  }

  return (
    // Over the top right corner where there is room; above the block on a phone, where it would
    // hide the code. After the block either way, so Tab goes from the block to its button.
    // Where a pointer can hover, it shows on hover or focus, so it covers no code while reading.
    <div className="group relative flex flex-col sm:block">
      <pre ref={pre} {...props} className={`${props.className ?? ""} max-sm:mt-0`}>
        {code}
      </pre>
      <div className="order-first mb-1.5 flex justify-end sm:absolute sm:top-2 sm:right-2 sm:mb-0 sm:[@media(hover:hover)]:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100">
        <CopyButton text={text} what={shell ? "commands" : "code"} />
      </div>
    </div>
  );
}

/** The learner's key; a sandbox is made if there is none, as the consoles would on Send. */
export async function learnerKey(): Promise<string> {
  const made = await ensureSandbox();
  if (!made.ok) throw new Error(made.error);
  return made.sandbox.key;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The text of highlighted code as hast-util-to-html writes it (lib/mdx/render-lazily.ts): its
 * tags dropped and its character references decoded. Lines keep the newlines between them.
 */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== "#") return ENTITIES[ref.toLowerCase()] ?? whole;
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
