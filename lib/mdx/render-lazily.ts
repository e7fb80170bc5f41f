import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";

/** The class (app/globals.css) that lets the browser skip a block's rendering while it is off screen. */
export const RENDER_LAZILY = "render-lazily";

/** The hast property (the `data-code-html` attribute) carrying a code block's highlighted HTML. */
export const CODE_HTML = "dataCodeHtml";

/**
 * Each token names its colour in both themes, `--shiki-light:#D73A49;--shiki-dark:#F47067`, a few
 * thousand times per lesson: as `--l` and `--d` (app/globals.css) the page is about a tenth lighter.
 */
export const shortThemeVariables = (html: string) =>
  html.replaceAll("--shiki-light:", "--l:").replaceAll("--shiki-dark:", "--d:");

/** `style` for a block of `lines` lines of code: how tall it is before it is first drawn. */
export const linesStyle = (lines: number) => `--lines:${lines}`;

/**
 * Marks every highlighted code block (after rehype-pretty-code) to be rendered only near the
 * viewport, with its number of lines so its placeholder is about as tall as the block, and
 * hands its highlighted tokens over as HTML. A lesson holds thousands of highlighted tokens, one
 * element each; styling, laying out and hydrating them all while the page loads made long tasks
 * on a phone.
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
      // The tokens travel as one HTML string (components/lesson/code-block.tsx), not as thousands
      // of elements: the page's payload carries a string instead of a tree of element objects,
      // the page's HTML only the code's text, and the block draws the tokens near the viewport.
      // The `code` element goes too (components/lesson/code-block.tsx draws it again): a
      // server-rendered child may reach the client component as a lazy reference, not an element.
      node.properties[CODE_HTML] = shortThemeVariables(toHtml(code.children));
      node.children = [];
      const classes = node.properties.className;
      node.properties.className = [...(Array.isArray(classes) ? classes : []), RENDER_LAZILY];
      const style = typeof node.properties.style === "string" ? `${node.properties.style};` : "";
      node.properties.style = `${style}${linesStyle(lines)}`;
    });
  };
}
