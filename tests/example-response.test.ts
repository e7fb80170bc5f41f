import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { plainText } from "@/components/lesson/code-block";
import { ExampleResponse } from "@/components/lesson/example-response";
import type { Example } from "@/content/examples";

const render = (example: Example) =>
  renderToStaticMarkup(createElement(ExampleResponse, { of: example }));

/** The drawn lines: the top-level elements of the code element, each a block span. */
function lines(html: string): { html: string; text: string; indent: number; tag: string }[] {
  const code = /<code>([\s\S]*)<\/code>/.exec(html)?.[1] ?? "";
  const found: { html: string; text: string; indent: number; tag: string }[] = [];
  let depth = 0;
  let open = { tag: "", at: 0 };
  for (const m of code.matchAll(/<(\/?)span\b[^>]*>/g)) {
    if (!m[1]) {
      if (depth === 0) open = { tag: m[0], at: (m.index ?? 0) + m[0].length };
      depth++;
    } else if (--depth === 0) {
      const inner = code.slice(open.at, m.index);
      const indent = Number(/padding-left:(\d+)ch/.exec(open.tag)?.[1] ?? 0);
      found.push({ html: inner, text: plainText(inner), indent, tag: open.tag });
    }
  }
  return found;
}

describe("ExampleResponse", () => {
  it("draws the status line, the headers, a gap, then each body line as one element with its nesting", () => {
    const drawn = lines(
      render({
        method: "POST",
        path: "/api/v1/todos",
        body: { title: "Learn HTTP" },
        expect: {
          status: 201,
          headers: { location: "/api/v1/todos/4", etag: true },
          body: { id: 4, tags: ["a <b>"] },
        },
      }),
    );
    expect(drawn.map((l) => l.text)).toEqual([
      "HTTP/1.1 201 Created",
      "location: /api/v1/todos/4",
      "etag: …",
      "",
      "{",
      '"id": 4,',
      '"tags": [',
      '"a <b>"',
      "]",
      "}",
    ]);
    // Nesting is kept as a hanging indent (2ch per level on top of the 2ch hang).
    expect(drawn.slice(4).map((l) => l.indent)).toEqual([2, 4, 4, 6, 4, 2]);
    // A body line is its text alone: no element inside it, and markup in values is escaped.
    for (const l of drawn.slice(4)) expect(l.html).not.toContain("<");
  });

  it("says why there is no body, in one muted line", () => {
    const drawn = lines(
      render({ method: "DELETE", path: "/api/v1/todos/4", expect: { status: 204 } }),
    );
    expect(drawn.at(-1)?.text).toBe("(no body: 204 never has one)");
    expect(drawn.at(-1)?.html).toBe("(no body: 204 never has one)");
    expect(drawn.at(-1)?.tag).toContain('class="block text-zinc-500 italic dark:text-zinc-400"');
  });
});
