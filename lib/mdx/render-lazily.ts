import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/** The class (app/globals.css) that lets the browser skip a block's rendering while it is off screen. */
export const RENDER_LAZILY = "render-lazily";

/** `style` for a block of `lines` lines of code: how tall it is before it is first drawn. */
export const linesStyle = (lines: number) => `--lines:${lines}`;

/**
 * Marks every highlighted code block (after rehype-pretty-code) to be rendered only near the
 * viewport, with its number of lines so its placeholder is about as tall as the block. A lesson
 * holds thousands of highlighted tokens, one element each; styling and laying them all out
 * while the page loads made long tasks on a phone.
 */
export function rehypeRenderCodeLazily() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "pre") return;
      const code = node.children.find(
        (child): child is Element => child.type === "element" && child.tagName === "code",
      );
      if (!code) return;
      // rehype-pretty-code writes the attribute's own name, not hast's camelCase property.
      const lines = code.children.filter(
        (child) =>
          child.type === "element" &&
          (child.properties["data-line"] !== undefined || child.properties.dataLine !== undefined),
      ).length;
      if (lines === 0) return;
      const classes = node.properties.className;
      node.properties.className = [...(Array.isArray(classes) ? classes : []), RENDER_LAZILY];
      const style = typeof node.properties.style === "string" ? `${node.properties.style};` : "";
      node.properties.style = `${style}${linesStyle(lines)}`;
    });
  };
}
