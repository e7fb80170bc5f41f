import type { MDXComponents } from "mdx/types";
import type { ComponentProps, JSX } from "react";
import { Console } from "@/components/console/console";
import { CodeBlock } from "@/components/lesson/code-block";
import { CurlSetup } from "@/components/lesson/curl-setup";
import { ExampleResponse } from "@/components/lesson/example-response";
import { Exercise } from "@/components/lesson/exercise/exercise";
import { Quiz } from "@/components/lesson/quiz";
import { SideBySide } from "@/components/lesson/side-by-side";
import { UrlAnatomy } from "@/components/lesson/url-anatomy";
import { STATIC_BLOCKS, type StaticBlock } from "@/lib/mdx/static-html";

type StaticProps<T extends keyof JSX.IntrinsicElements> = ComponentProps<T> & {
  /** The block's contents as HTML (lib/mdx/static-html.ts); the block then has no children. */
  "data-static-html"?: string;
};

/**
 * A block of plain prose: its contents come as one HTML string, placed by React as they are
 * rather than as elements it would hydrate one by one (lib/mdx/static-html.ts).
 */
function staticBlock<T extends StaticBlock>(Tag: T) {
  return function StaticBlock({ "data-static-html": html, ...props }: StaticProps<T>) {
    const Element = Tag as "p";
    return html === undefined ? (
      <Element {...(props as ComponentProps<"p">)} />
    ) : (
      // biome-ignore lint/security/noDangerouslySetInnerHtml: serialized at build time from the lesson's own Markdown.
      <Element {...(props as ComponentProps<"p">)} dangerouslySetInnerHTML={{ __html: html }} />
    );
  };
}

const Table = staticBlock("table");

const components: MDXComponents = {
  ...Object.fromEntries(STATIC_BLOCKS.map((tag) => [tag, staticBlock(tag)])),
  Console,
  CurlSetup,
  ExampleResponse,
  Exercise,
  // Every code block gets a Copy button.
  pre: CodeBlock,
  Quiz,
  SideBySide,
  UrlAnatomy,
  // Wide tables scroll on their own instead of widening the page on a phone (after the static
  // blocks above: this `table` wins).
  table: (props) => (
    <div className="overflow-x-auto">
      <Table {...props} />
    </div>
  ),
};

export function useMDXComponents(): MDXComponents {
  return components;
}
