import type { Element } from "hast";
import { toString as textOf } from "hast-util-to-string";
import rehypePrettyCode from "rehype-pretty-code";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { remarkDeferConsoles } from "../../components/console/remark-defer";
import { remarkConsoleHeadingLevel } from "../../components/console/remark-heading-level";
import { rehypeRenderCodeLazily } from "./render-lazily";
import { remarkSourceCode } from "./source-code";
import { rehypeStaticBlocks } from "./static-html";
import { rehypeExportToc } from "./toc";

/** Marks a code line with its indentation, so that where it wraps on a narrow screen it goes on
 * under its own indentation instead of at the left edge (globals.css). */
function markIndent(line: Element) {
  const indent = (/^[ \t]*/.exec(textOf(line))?.[0] ?? "").replaceAll("\t", "  ").length;
  if (indent > 0) line.properties.style = `--indent:${indent}ch`;
}

/** MDX compile options for lessons: GitHub tables, heading anchors, a TOC export, and code
 * highlighted at build time in a light and a dark theme (CSS picks one); code fences with
 * `file=` are filled from the source (lib/mdx/source-code.ts); code blocks are drawn only near the
 * viewport (lib/mdx/render-lazily.ts); consoles after a lesson's first two send their shell in a
 * template, drawn near the viewport (components/console/deferred.tsx); blocks of plain prose travel
 * as HTML strings, not hydrated element by element (lib/mdx/static-html.ts). */
export const mdxOptions = {
  remarkPlugins: [remarkGfm, remarkSourceCode, remarkConsoleHeadingLevel, remarkDeferConsoles],
  rehypePlugins: [
    rehypeSlug,
    rehypeExportToc,
    [
      rehypePrettyCode,
      {
        theme: { light: "github-light", dark: "github-dark-dimmed" },
        keepBackground: false,
        onVisitLine: markIndent,
      },
    ],
    rehypeRenderCodeLazily,
    rehypeStaticBlocks,
  ],
  // biome-ignore lint/suspicious/noExplicitAny: unified's plugin tuple types do not survive the MDX loader's option type.
} as any;
