import { toHtml } from "hast-util-to-html";
import { type Child, h } from "hastscript";
import type { CSSProperties } from "react";
import { statusTone } from "@/components/ui/status-tone";
import type { Example } from "@/content/examples";
import { REASON_PHRASES } from "@/lib/http/reasons";
import { RENDER_LAZILY } from "@/lib/mdx/render-lazily";

/** What comes after the blank line: the JSON body, or a note saying why there is none. */
function bodyOf(example: Example): { lines: string[]; note: boolean } {
  const { status, body } = example.expect;
  if (example.method === "HEAD") return { lines: ["(no body: HEAD never gets one)"], note: true };
  if (status === 204 || status === 304) {
    return { lines: [`(no body: ${status} never has one)`], note: true };
  }
  if (body === undefined) {
    return { lines: ["(body not shown: send the request to see it)"], note: true };
  }
  return { lines: JSON.stringify(body, null, 2).split("\n"), note: false };
}

/**
 * One line of monospace text that wraps on narrow screens with a hanging indent, so a long
 * JSON string or header value stays readable at 375px without losing the line's nesting.
 */
const line = (children: Child, indent = 0, tone = "") =>
  h(
    "span",
    {
      class: tone ? `block ${tone}` : "block",
      style: `padding-left:${indent + 2}ch;text-indent:-2ch`,
    },
    children,
  );

/**
 * The lines as HTML: they are static, so React gets them as one string to place rather than
 * hundreds of elements to hydrate one by one (a lesson shows dozens of these).
 */
function linesHtml(
  status: number,
  headers: Record<string, string | true>,
  body: ReturnType<typeof bodyOf>,
): string {
  const reason = `${status} ${REASON_PHRASES[status] ?? ""}`.trim();
  return toHtml([
    line([
      h("span", { class: "font-semibold" }, [
        "HTTP/1.1 ",
        h("span", { class: statusTone(status) }, reason),
      ]),
    ]),
    ...Object.entries(headers).map(([name, value]) =>
      line([
        h("span", { class: "text-zinc-500 dark:text-zinc-400" }, `${name}:`),
        ` ${value === true ? "…" : value}`,
      ]),
    ),
    h("span", { class: "block h-6", ariaHidden: "true" }),
    // A body line is one element holding its text: a lesson shows hundreds of them.
    ...body.lines.map((text) =>
      line(
        text.trimStart(),
        text.length - text.trimStart().length,
        body.note ? "text-zinc-500 italic dark:text-zinc-400" : "",
      ),
    ),
  ]);
}

/**
 * The response a lesson's example should get, drawn from the same `expect` the example tests
 * check: status line, the headers that matter, and the body. Fields that change on every call
 * (timestamps, request ids) are not in `expect`, so they are not shown either.
 */
export function ExampleResponse({ of: example }: { of: Example }) {
  const { status, headers = {} } = example.expect;
  const body = bodyOf(example);
  const query = example.query ? `?${new URLSearchParams(example.query)}` : "";
  return (
    <figure
      data-testid="example-response"
      className="not-prose my-6 overflow-hidden rounded-lg border border-zinc-200 bg-white text-[0.8125rem] dark:border-zinc-800 dark:bg-zinc-950"
    >
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
        <span className="font-medium text-zinc-700 dark:text-zinc-300">Expected response</span>
        <span className="min-w-0 font-mono [overflow-wrap:anywhere]">
          {example.method} {example.path}
          {query}
        </span>
      </figcaption>
      <pre
        className={`${RENDER_LAZILY} px-4 py-3 font-mono leading-6 whitespace-pre-wrap text-zinc-800 [overflow-wrap:anywhere] dark:text-zinc-200`}
        // The status line, the headers, a blank line, the body.
        style={{ "--lines": 2 + Object.keys(headers).length + body.lines.length } as CSSProperties}
      >
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: built from escaped hast nodes above, not from markup anyone typed. */}
        <code dangerouslySetInnerHTML={{ __html: linesHtml(status, headers, body) }} />
      </pre>
    </figure>
  );
}
