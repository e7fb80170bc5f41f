import { createProcessor } from "@mdx-js/mdx";
import type { ElementContent, Root, RootContent } from "hast";
import { toString as textOf } from "hast-util-to-string";
import rehypeSlug from "rehype-slug";
import { mdxOptions } from "@/lib/mdx/options";

/** A part of a lesson page: the text before its first heading (`id` ""), or an h2 / h3 and the text under it. */
export type PageSection = {
  id: string;
  depth: 1 | 2 | 3;
  heading: string;
  /** For an h3, the h2 it sits under. */
  parent?: string;
  text: string;
};

// Elements whose text is not prose: code blocks (shown as code, searched as noise) and the like.
const SKIPPED = new Set(["pre", "script", "style", "svg"]);
// Elements whose text is a separate run of words: a space goes either side.
const BLOCKS = new Set([
  "p",
  "li",
  "ul",
  "ol",
  "blockquote",
  "table",
  "tr",
  "td",
  "th",
  "h1",
  "h4",
  "h5",
  "h6",
  "div",
  "section",
  "br",
  "hr",
  "dt",
  "dd",
]);

type Node = Root | RootContent | ElementContent;

/**
 * Splits a lesson's MDX source into its sections, through the lesson pipeline's own remark
 * plugins and heading slugger (lib/mdx/options.ts), so each section's id is the one the page
 * renders and its table of contents links to.
 */
export async function pageSections(source: string): Promise<PageSection[]> {
  const sections: PageSection[] = [];
  const processor = createProcessor({
    remarkPlugins: mdxOptions.remarkPlugins,
    rehypePlugins: [rehypeSlug, () => (tree: Root) => void collect(tree, sections)],
  });
  await processor.process(source);
  return sections;
}

function collect(tree: Root, sections: PageSection[]) {
  let current: PageSection = { id: "", depth: 1, heading: "", text: "" };
  let h2 = "";
  const words: string[] = [];
  const close = () => {
    sections.push({ ...current, text: words.join("").replace(/\s+/g, " ").trim() });
    words.length = 0;
  };
  const walk = (node: Node) => {
    if (node.type === "text") {
      words.push(node.value);
      return;
    }
    if (node.type === "element") {
      const { tagName, properties } = node;
      if ((tagName === "h2" || tagName === "h3") && typeof properties.id === "string") {
        close();
        const heading = textOf(node);
        if (tagName === "h2") h2 = heading;
        current = {
          id: properties.id,
          depth: tagName === "h2" ? 2 : 3,
          heading,
          ...(tagName === "h3" && h2 ? { parent: h2 } : {}),
          text: "",
        };
        return;
      }
      if (SKIPPED.has(tagName)) return;
      const block = BLOCKS.has(tagName);
      if (block) words.push(" ");
      for (const child of node.children) walk(child);
      if (block) words.push(" ");
      return;
    }
    // MDX JSX elements may wrap prose; expressions and imports are code.
    if (
      node.type === "root" ||
      node.type === "mdxJsxFlowElement" ||
      node.type === "mdxJsxTextElement"
    ) {
      for (const child of node.children) walk(child as Node);
    }
  };
  walk(tree);
  close();
}
