import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { SKIP, visit } from "unist-util-visit";

/** The hast property (the `data-static-html` attribute) carrying a block's contents as HTML. */
const STATIC_HTML = "dataStaticHtml";

/** Blocks of prose whose contents can travel as one string: mdx-components.tsx draws them. */
export const STATIC_BLOCKS = ["p", "ul", "ol", "blockquote", "table"] as const;
export type StaticBlock = (typeof STATIC_BLOCKS)[number];
const isStaticBlock = (tag: string): tag is StaticBlock =>
  (STATIC_BLOCKS as readonly string[]).includes(tag);

/**
 * Elements a static block may not hold: they are drawn by a component of their own
 * (mdx-components.tsx: `pre` gets a Copy button, `table` a scrolling wrapper).
 */
const DRAWN_BY_COMPONENTS = new Set(["pre", "table"]);

/** Where whitespace between elements is dropped, as React's tree drops it (it is no text there). */
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr"]);

function withoutTableWhitespace(nodes: ElementContent[], parent: string): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === "text" && TABLE_PARTS.has(parent) && node.value.trim() === "") return [];
    if (node.type !== "element") return [node];
    return [{ ...node, children: withoutTableWhitespace(node.children, node.tagName) }];
  });
}

/** Whether every node in `children`, all the way down, is text or a plain element: no JSX, no expression. */
function isPlain(children: readonly ElementContent[]): boolean {
  return children.every((child) => {
    if (child.type === "text" || child.type === "comment") return true;
    if (child.type !== "element") return false;
    return !DRAWN_BY_COMPONENTS.has(child.tagName) && isPlain(child.children);
  });
}

/**
 * Hands each block of plain prose (a paragraph, a list, a quote, a table's rows) over as one HTML
 * string instead of a tree of elements. React then owns the block's element and places its
 * contents as a string: a long lesson's inline code, emphasis, links and table cells (about 1,000
 * elements in the Todo lesson) are not hydrated one by one, and the page's payload carries a
 * string for each block instead of a tree of element objects. Blocks holding a component, an
 * expression or a code block are left as they are.
 */
export function rehypeStaticBlocks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (!isStaticBlock(node.tagName)) return;
      if (node.children.length === 0 || !isPlain(node.children)) return;
      node.properties[STATIC_HTML] = toHtml(withoutTableWhitespace(node.children, node.tagName));
      node.children = [];
      return SKIP;
    });
  };
}
