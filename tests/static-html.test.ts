import { evaluate } from "@mdx-js/mdx";
import type { MDXComponents } from "mdx/types";
import { createElement, type ReactNode } from "react";
import * as runtime from "react/jsx-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { plainText } from "@/components/lesson/code-block";
import { mdxOptions } from "@/lib/mdx/options";
import { rehypeStaticBlocks } from "@/lib/mdx/static-html";
import { useMDXComponents } from "@/mdx-components";

const LESSON = `
Send \`X-Sandbox-Key\` with **every** request, as [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110) says: a < b & "c".

- one \`code\`
- two, with a nested list:
  1. *first*
  2. second

> A quote with \`code\`.

| Header | Meaning |
| --- | --- |
| \`ETag\` | a version |

A paragraph with a component <Marker label="x" /> in it.

- a list holding code:

  \`\`\`sh
  curl -i "$BMJ/api/v1/todos"
  \`\`\`
`;

/** A stand-in for a lesson component, so the paragraph holding it must stay React's. */
function Marker({ label }: { label: string }) {
  return createElement("mark", { "data-marker": label }, label);
}

/** A lesson page's content, with the site's MDX components and the stand-in. */
function Page({ Content }: { Content: (props: { components: MDXComponents }) => ReactNode }) {
  const components: MDXComponents = { ...useMDXComponents(), Marker };
  return createElement(Content, { components });
}

/** The elements, in order, as written (tags and attributes). */
const tags = (html: string) => html.match(/<[^>]+>/g) ?? [];

async function render(withPlugin: boolean): Promise<{ html: string }> {
  const rehypePlugins = withPlugin
    ? mdxOptions.rehypePlugins
    : (mdxOptions.rehypePlugins as unknown[]).filter((p) => p !== rehypeStaticBlocks);
  const { default: Content } = await evaluate(LESSON, {
    ...runtime,
    ...mdxOptions,
    rehypePlugins,
  });
  return { html: renderToStaticMarkup(createElement(Page, { Content })) };
}

describe("rehypeStaticBlocks", () => {
  it("draws exactly the same page as the element tree it replaces", async () => {
    const [tree, strings] = await Promise.all([render(false), render(true)]);
    // Character references may be written differently (`&lt;` or `&#x3C;`); the page is the same:
    // the same elements in the same order, holding the same text.
    expect(tags(strings.html)).toEqual(tags(tree.html));
    expect(plainText(strings.html)).toBe(plainText(tree.html));
    expect(strings.html).toContain("<code>X-Sandbox-Key</code>");
    // Text stays text: `<` and `&` are escaped in the string too.
    expect(strings.html).toMatch(/a &(lt|#x3C); b &(amp|#x26); /);
    expect(strings.html).not.toContain("data-static-html");
  });

  it("hands plain blocks over as HTML, and leaves blocks with a component or a code block as elements", async () => {
    const { compile } = await import("@mdx-js/mdx");
    const code = String(await compile(LESSON, { ...mdxOptions, providerImportSource: undefined }));
    const staticBlocks = [...code.matchAll(/_jsx\(_components\.(\w+), \{\s*"data-static-html": "/g)]
      .map((m) => m[1])
      .sort();
    // The first paragraph, the outer list, the quote, the table; the paragraph holding the
    // component is left alone, so is the list holding a code block (its paragraph goes alone).
    expect(staticBlocks).toEqual(["blockquote", "p", "p", "table", "ul"]);
    expect(code).toMatch(/_jsx\(Marker, \{/);
    expect(code).toMatch(/"data-code-html"/);
  });
});
