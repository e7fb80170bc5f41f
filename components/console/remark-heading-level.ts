import { visit } from "unist-util-visit";

/** The few mdast / MDX JSX fields this plugin reads and writes. */
type Attribute = { type: string; name?: string };
export type Node = {
  type: string;
  depth?: number;
  name?: string | null;
  attributes?: Attribute[];
  children?: Node[];
};

/** An MDX JSX attribute whose value is a literal expression: `name={3}`, `name={true}`. */
export function literalAttribute(name: string, value: number | boolean) {
  return {
    type: "mdxJsxAttribute",
    name,
    value: {
      type: "mdxJsxAttributeValueExpression",
      value: String(value),
      data: {
        estree: {
          type: "Program",
          sourceType: "module",
          body: [
            {
              type: "ExpressionStatement",
              expression: { type: "Literal", value, raw: String(value) },
            },
          ],
        },
      },
    },
  };
}

/** A lesson's `<Console>` element, in the MDX tree. */
export function isConsole(node: Node): boolean {
  const jsx = node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
  return jsx && node.name === "Console";
}

/** Whether the element has this attribute written in the MDX. */
export function hasAttribute(node: Node, name: string): boolean {
  return (node.attributes ?? []).some((a) => a.type === "mdxJsxAttribute" && a.name === name);
}

/**
 * A remark plugin for lessons: gives each `<Console>` a `headingLevel` one below the heading it
 * sits under (3 under an h2, 4 under an h3; 2 before any heading, under the page's h1), so a
 * console never breaks the page outline. A `headingLevel` written in the MDX is kept.
 */
export function remarkConsoleHeadingLevel() {
  return (tree: Node) => {
    let depth = 1;
    visit(tree, (node: Node) => {
      if (node.type === "heading" && typeof node.depth === "number") {
        depth = node.depth;
        return;
      }
      if (!isConsole(node) || hasAttribute(node, "headingLevel")) return;
      const level = Math.min(depth + 1, 6);
      node.attributes = [...(node.attributes ?? []), literalAttribute("headingLevel", level)];
    });
  };
}
