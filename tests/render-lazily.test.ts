import { compile } from "@mdx-js/mdx";
import { describe, expect, it } from "vitest";
import { mdxOptions } from "@/lib/mdx/options";
import { RENDER_LAZILY } from "@/lib/mdx/render-lazily";

/** The `pre` a lesson's code fence compiles to, as the compiled module's JSX source says it. */
async function preOf(markdown: string): Promise<string> {
  const out = String(await compile(markdown, mdxOptions));
  const match = /_components\.pre, \{([\s\S]*?)children:/.exec(out);
  if (!match?.[1]) throw new Error(`no pre in:\n${out}`);
  return match[1];
}

describe("code blocks drawn only near the viewport", () => {
  it("marks a highlighted block with its number of lines, for its placeholder's height", async () => {
    const pre = await preOf("```ts\nconst a = 1;\nconst b = 2;\n\nexport { a, b };\n```\n");
    expect(pre).toContain(RENDER_LAZILY);
    expect(pre).toMatch(/"--lines": "4"/);
  });

  it("counts a one-line block as one line", async () => {
    const pre = await preOf("```sh\ncurl -i $BMJ/api/v1/todos\n```\n");
    expect(pre).toMatch(/"--lines": "1"/);
  });
});

describe("code blocks hydrate as one string", () => {
  const fence = "```ts\nconst greeting = 'hi';\n```\n";

  it("hands the highlighted tokens over as HTML, with no elements inside the pre", async () => {
    const out = String(await compile(fence, mdxOptions));
    const pre = /_jsx\(_components\.pre, \{([\s\S]*?)\}\)/.exec(out)?.[1] ?? "";
    expect(pre).toMatch(
      /"data-code-html": "<span data-line=\\"\\"><span style=\\"--l:#\w+;--d:#\w+\\">/,
    );
    expect(pre).toContain("greeting");
    expect(pre).not.toContain("children");
  });

  it("draws those tokens inside the code element, not as an attribute", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { createElement } = await import("react");
    const { CodeBlock } = await import("@/components/lesson/code-block");
    const html = renderToStaticMarkup(
      createElement(CodeBlock, {
        "data-language": "ts",
        "data-code-html": '<span data-line="">const a</span>',
      }),
    );
    expect(html).toContain(
      '<code data-language="ts" style="display:grid"><span data-line="">const a</span></code>',
    );
    expect(html).not.toContain("data-code-html");
  });
});
