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

  it("arrives as plain text: the tokens are drawn near the viewport, not in the page's HTML", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { createElement } = await import("react");
    const { CodeBlock } = await import("@/components/lesson/code-block");
    const html = renderToStaticMarkup(
      createElement(CodeBlock, {
        "data-language": "ts",
        "data-code-html":
          '<span data-line=""><span style="--l:#D73A49;--d:#F47067">if</span> (a &#x3C; b &#x26;&#x26; c) {}</span>\n<span data-line=""> </span>',
      }),
    );
    expect(html).toContain(
      '<code data-language="ts" class="block px-4">if (a &lt; b &amp;&amp; c) {}\n </code>',
    );
    expect(html).not.toContain("<span data-line");
    expect(html).not.toContain("data-code-html");
  });

  it("reads the text out of highlighted HTML, character references decoded", async () => {
    const { plainText } = await import("@/components/lesson/code-block");
    expect(
      plainText(
        '<span data-line=""><span style="--l:#1">&#x3C;a href=&quot;x&quot;></span>&#x26;&#39;&#128512;&nbsp;</span>',
      ),
    ).toBe('<a href="x">&\'😀&nbsp;');
  });
});
