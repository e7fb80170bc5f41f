import type { MDXComponents } from "mdx/types";
import { Console } from "@/components/console/console";

const components: MDXComponents = { Console };

export function useMDXComponents(): MDXComponents {
  return components;
}
