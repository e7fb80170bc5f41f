import { valueToEstree } from "estree-util-value-to-estree";
import type { Element, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import { visit } from "unist-util-visit";

export type TocEntry = { depth: 2 | 3; id: string; text: string };

/** Adds `export const toc = [...]` to each MDX module: its h2 and h3 headings, after rehype-slug. */
export function rehypeExportToc() {
  return (tree: Root) => {
    const toc: TocEntry[] = [];
    visit(tree, "element", (node: Element) => {
      if (
        (node.tagName === "h2" || node.tagName === "h3") &&
        typeof node.properties.id === "string"
      ) {
        toc.push({
          depth: node.tagName === "h2" ? 2 : 3,
          id: node.properties.id,
          text: textOf(node),
        });
      }
    });
    tree.children.unshift({
      type: "mdxjsEsm",
      value: "",
      data: {
        estree: {
          type: "Program",
          sourceType: "module",
          body: [
            {
              type: "ExportNamedDeclaration",
              specifiers: [],
              source: null,
              attributes: [],
              declaration: {
                type: "VariableDeclaration",
                kind: "const",
                declarations: [
                  {
                    type: "VariableDeclarator",
                    id: { type: "Identifier", name: "toc" },
                    init: valueToEstree(toc),
                  },
                ],
              },
            },
          ],
        },
      },
      // biome-ignore lint/suspicious/noExplicitAny: mdxjsEsm is an MDX node type hast's Root does not list.
    } as any);
  };
}
