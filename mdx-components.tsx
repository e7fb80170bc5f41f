import type { MDXComponents } from "mdx/types";
import { Console } from "@/components/console/console";
import { ExampleResponse } from "@/components/lesson/example-response";

const components: MDXComponents = {
  Console,
  ExampleResponse,
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
