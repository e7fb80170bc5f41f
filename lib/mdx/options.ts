import rehypePrettyCode from "rehype-pretty-code";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { remarkConsoleHeadingLevel } from "../../components/console/remark-heading-level";
import { remarkSourceCode } from "./source-code";
import { rehypeExportToc } from "./toc";

/** MDX compile options for lessons: GitHub tables, heading anchors, a TOC export, and code
 * highlighted at build time in a light and a dark theme (CSS picks one); code fences with
 * `file=` are filled from the source (lib/mdx/source-code.ts). */
export const mdxOptions = {
  remarkPlugins: [remarkGfm, remarkSourceCode, remarkConsoleHeadingLevel],
  rehypePlugins: [
    rehypeSlug,
    rehypeExportToc,
    [
      rehypePrettyCode,
      { theme: { light: "github-light", dark: "github-dark-dimmed" }, keepBackground: false },
    ],
  ],
  // biome-ignore lint/suspicious/noExplicitAny: unified's plugin tuple types do not survive the MDX loader's option type.
} as any;
