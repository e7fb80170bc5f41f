"use client";

import { type ComponentProps, useRef } from "react";
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
  // Static tokens, which React places as one string instead of hydrating them one by one; the
  // `code` element as rehype-pretty-code writes it.
  const code =
    html === undefined ? (
      children
    ) : (
      <code
        data-language={props["data-language"]}
        data-theme={props["data-theme"]}
        style={{ display: "grid" }}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: highlighted at build time from the lesson's own code fences.
        dangerouslySetInnerHTML={{ __html: html }}
      />
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
