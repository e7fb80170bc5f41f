import { visit } from "unist-util-visit";
import { hasAttribute, isConsole, literalAttribute, type Node } from "./remark-heading-level";

/** How many consoles of a lesson, from its top, send their whole shell in the page's HTML. */
export const EAGER_CONSOLES = 2;

/**
 * A remark plugin for lessons: gives every `<Console>` after the first `EAGER_CONSOLES` a
 * `deferShell`, so its shell travels in a template and is drawn only near the viewport (see
 * `components/console/deferred.tsx`). The first ones may be on the first screen, where a
 * placeholder would shift the page when it is replaced. A `deferShell` written in the MDX is kept.
 */
export function remarkDeferConsoles() {
  return (tree: Node) => {
    let seen = 0;
    visit(tree, (node: Node) => {
      if (!isConsole(node)) return;
      seen += 1;
      if (seen <= EAGER_CONSOLES || hasAttribute(node, "deferShell")) return;
      node.attributes = [...(node.attributes ?? []), literalAttribute("deferShell", true)];
    });
  };
}
