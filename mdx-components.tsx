import type { MDXComponents } from "mdx/types";
import { Console } from "@/components/console/console";
import { CodeBlock } from "@/components/lesson/code-block";
import { CurlSetup } from "@/components/lesson/curl-setup";
import { ExampleResponse } from "@/components/lesson/example-response";
import { Exercise } from "@/components/lesson/exercise/exercise";
import { Quiz } from "@/components/lesson/quiz";
import { SideBySide } from "@/components/lesson/side-by-side";
import { UrlAnatomy } from "@/components/lesson/url-anatomy";

const components: MDXComponents = {
  Console,
  CurlSetup,
  ExampleResponse,
  Exercise,
  // Every code block gets a Copy button.
  pre: CodeBlock,
  Quiz,
  SideBySide,
  UrlAnatomy,
  // Wide tables scroll on their own instead of widening the page on a phone.
  table: (props) => (
    <div className="overflow-x-auto">
      <table {...props} />
    </div>
  ),
};

export function useMDXComponents(): MDXComponents {
  return components;
}
