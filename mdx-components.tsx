import type { MDXComponents } from "mdx/types";
import { Console } from "@/components/console/console";
import { ExampleResponse } from "@/components/lesson/example-response";

const components: MDXComponents = { Console, ExampleResponse };

export function useMDXComponents(): MDXComponents {
  return components;
}
