import { compile } from "@mdx-js/mdx";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConsoleIsland } from "@/components/console/console-island";
import { shellHeight } from "@/components/console/console-shell";
import { initialDraft } from "@/components/console/draft";
import { EAGER_CONSOLES, remarkDeferConsoles } from "@/components/console/remark-defer";

async function deferred(mdx: string): Promise<boolean[]> {
  const code = String(await compile(mdx, { remarkPlugins: [remarkDeferConsoles] }));
  return [...code.matchAll(/_jsx\(Console, \{([\s\S]*?)\}\)/g)].map((m) =>
    /deferShell: true/.test(m[1] ?? ""),
  );
}

describe("remarkDeferConsoles", () => {
  it("defers every console after the lesson's first two, in document order", async () => {
    const mdx = [
      '<Console path="/a" />',
      "## Section",
      "<Console {...examples.one} />",
      '<Console path="/c" />',
      "### Deeper",
      '<Console path="/d" />',
    ].join("\n\n");
    expect(EAGER_CONSOLES).toBe(2);
    expect(await deferred(mdx)).toEqual([false, false, true, true]);
  });

  it("keeps a choice written in the lesson", async () => {
    const mdx =
      '<Console path="/a" />\n\n<Console path="/b" />\n\n<Console path="/c" deferShell={false} />';
    const code = String(await compile(mdx, { remarkPlugins: [remarkDeferConsoles] }));
    expect(code).toContain("deferShell: false");
    expect(code).not.toContain("deferShell: true");
  });
});

const request = { method: "POST", path: "/api/v1/todos", body: { title: "Buy milk" } };
const render = (deferShell: boolean) =>
  renderToStaticMarkup(createElement(ConsoleIsland, { request, headingLevel: 3, deferShell }));

describe("a deferred console's shell in the server's HTML", () => {
  it("keeps the heading in the page and sends the form, response area and history in a template", () => {
    const html = render(true);
    const [before, inside = ""] = html.split('<template data-deferred="">');
    // The heading stays in the document outline before any script runs.
    expect(before).toContain("<h3");
    expect(before).toContain("Try it live");
    expect(inside).toContain('data-control="send"');
    expect(inside).toContain('data-control="body"');
    expect(inside).toContain("</details></template>");
  });

  it("holds the request's place with a one-line summary of its size", () => {
    const html = render(true);
    const placeholder = /<div data-deferred-placeholder="" style="([^"]*)"[^>]*>(.*?)<\/div>/.exec(
      html.split("</template>")[1] ?? "",
    );
    const { narrow, wide } = shellHeight(initialDraft(request));
    expect(placeholder?.[1]).toBe(`--shell-narrow:${narrow}px;--shell-wide:${wide}px`);
    expect(placeholder?.[2]).toContain("POST /api/v1/todos");
  });

  it("draws the whole shell when it is not deferred", () => {
    const html = render(false);
    expect(html).not.toContain("<template");
    expect(html).not.toContain("data-deferred-placeholder");
    expect(html).toContain('data-control="send"');
  });
});

describe("a deferred SQL console", () => {
  it("keeps its heading and sends the editor in a template, its first line standing in", async () => {
    const { SqlConsole, sqlShellHeight } = await import("@/components/console/sql-console");
    const sql = "select id, title\nfrom todos\norder by id;";
    const html = renderToStaticMarkup(
      createElement(SqlConsole, {
        sql,
        title: "Read them back",
        headingLevel: 3,
        deferShell: true,
      }),
    );
    const [before, inside = ""] = html.split('<template data-deferred="">');
    expect(before).toContain("Read them back");
    expect(inside).toContain('aria-label="SQL script"');
    const { narrow, wide } = sqlShellHeight(sql);
    expect(html).toContain(`--shell-narrow:${narrow}px;--shell-wide:${wide}px`);
    expect(html.split("</template>")[1]).toContain("select id, title");
  });

  it("grows the placeholder a line per line of the script, at least three", async () => {
    const { sqlShellHeight } = await import("@/components/console/sql-console");
    expect(sqlShellHeight("select 1;").wide).toBe(sqlShellHeight("a\nb\nc").wide);
    expect(sqlShellHeight("a\nb\nc\nd").wide - sqlShellHeight("a\nb\nc").wide).toBe(20);
    // On a phone, a line of 80 characters takes two.
    expect(sqlShellHeight(`${"x".repeat(80)}\nb\nc`).narrow).toBe(
      sqlShellHeight("a\nb\nc\nd").narrow,
    );
  });
});

describe("a DELETE console's shell", () => {
  for (const deferShell of [false, true]) {
    it(`offers no body (${deferShell ? "deferred" : "drawn"})`, () => {
      const html = renderToStaticMarkup(
        createElement(ConsoleIsland, {
          request: { method: "DELETE", path: "/api/v1/todos/4" },
          headingLevel: 3,
          deferShell,
        }),
      );
      expect(html).toMatch(/<button[^>]*data-control="tab-body"[^>]*aria-disabled="true"/);
      expect(html).toMatch(/<button[^>]*data-control="tab-params"[^>]*aria-selected="true"/);
      expect(html).not.toContain('aria-label="Request body"');
    });
  }
});
