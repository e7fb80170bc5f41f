import { readFileSync } from "node:fs";
import path from "node:path";
import type { Code, Root } from "mdast";
import { visit } from "unist-util-visit";

/**
 * Code a lesson presents as ours is read from the source at build time, so it cannot drift:
 *
 *     ```ts file=lib/todo-api/service.ts region=create
 *     ```
 *
 * takes the lines between `// #region create` and the next `// #endregion` (or the whole file
 * without `region=`), drops the region markers inside it, and titles the block with the file's
 * path. A missing file or region fails the build.
 */
export function remarkSourceCode(options: { root?: string } = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Root) => {
    visit(tree, "code", (node: Code) => {
      const meta = node.meta ?? "";
      const file = /(?:^|\s)file=(\S+)/.exec(meta)?.[1];
      if (!file) return;
      const region = /(?:^|\s)region=(\S+)/.exec(meta)?.[1];
      const absolute = path.resolve(root, file);
      if (!absolute.startsWith(`${root}${path.sep}`))
        throw new Error(`${file}: outside the project`);
      const source = readFileSync(absolute, "utf8");
      node.value = region ? regionOf(source, region, file) : withoutMarkers(source.trimEnd());
      const rest = meta.replace(/(?:^|\s)(file|region)=\S+/g, "").trim();
      node.meta = `${rest} title="${file}"`.trim();
    });
  };
}

const MARKER = /^\s*(\/\/|#|<!--)\s*#(end)?region\b.*$/;

function withoutMarkers(text: string): string {
  return text
    .split("\n")
    .filter((line) => !MARKER.test(line))
    .join("\n");
}

/** The lines of one `#region name` … `#endregion`, de-indented. */
export function regionOf(source: string, name: string, file = "source"): string {
  const lines = source.split("\n");
  const start = lines.findIndex((line) => new RegExp(`#region ${name}\\b`).test(line));
  if (start < 0) throw new Error(`${file}: no "#region ${name}"`);
  // Regions do not nest: the first #endregion after the start closes it.
  const end = lines.findIndex((line, i) => i > start && /#endregion\b/.test(line));
  if (end < 0) throw new Error(`${file}: "#region ${name}" has no #endregion`);
  const body = withoutMarkers(lines.slice(start + 1, end).join("\n")).split("\n");
  const indent = Math.min(
    ...body.filter((line) => line.trim()).map((line) => /^\s*/.exec(line)?.[0].length ?? 0),
  );
  return body
    .map((line) => line.slice(indent))
    .join("\n")
    .trimEnd();
}
