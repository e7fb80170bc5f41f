"use client";

import { type Components, toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** Only web links survive: javascript:, data:, relative and every other scheme become plain text. */
export function webOnly(url: string): string {
  return /^https?:\/\//i.test(url.trim()) ? url : "";
}

const components: Components = {
  a: ({ href, children }) =>
    href && webOnly(href) ? (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="text-blue-800 underline dark:text-blue-300"
      >
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // No image is fetched from wherever a model (or text it read) points: its alt text stands in.
  img: ({ alt }) => <span className="italic">[image{alt ? `: ${alt}` : ""}]</span>,
  p: ({ children }) => <p className="my-1.5">{children}</p>,
  ul: ({ children }) => <ul className="my-1.5 list-disc pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="my-1.5 list-decimal pl-6">{children}</ol>,
  blockquote: ({ children }) => (
    <blockquote className="my-1.5 border-l-4 border-zinc-300 pl-3 text-zinc-800 dark:border-zinc-600 dark:text-zinc-200">
      {children}
    </blockquote>
  ),
  code: ({ children }) => (
    <code className="rounded bg-zinc-100 px-1 font-mono text-sm dark:bg-zinc-800">{children}</code>
  ),
  pre: ({ children }) => (
    <pre className="my-1.5 overflow-x-auto rounded bg-zinc-100 p-2 text-sm dark:bg-zinc-800">
      {children}
    </pre>
  ),
  h1: ({ children }) => <p className="my-1.5 font-semibold">{children}</p>,
  h2: ({ children }) => <p className="my-1.5 font-semibold">{children}</p>,
  h3: ({ children }) => <p className="my-1.5 font-semibold">{children}</p>,
};

/**
 * CommonMark to an HTML syntax tree. remark-rehype drops raw HTML unless told to keep it
 * (allowDangerousHtml), so `<img onerror=…>` in a text never reaches the tree.
 */
const toTree = unified().use(remarkParse).use(remarkRehype);

// #region support-markdown
/**
 * An answer's Markdown as React elements, never as HTML: raw HTML in the text is dropped, links
 * keep only http(s) and open with rel=noopener, images are not loaded. A model's answer is
 * untrusted text — it may repeat whatever a product name said.
 */
export function SupportMarkdown({ text }: { text: string }) {
  const tree = toTree.runSync(toTree.parse(text));
  return (
    <div className="support-markdown" data-testid="chat-markdown">
      {toJsxRuntime(tree, { Fragment, jsx, jsxs, components })}
    </div>
  );
}
// #endregion
