declare module "*.mdx" {
  import type { MDXProps } from "mdx/types";
  import type { TocEntry } from "@/lib/mdx/toc";
  /** Checked by `lessonMeta` in content/lessons.ts. */
  export const meta: unknown;
  /** Added at build time by lib/mdx/toc.ts. */
  export const toc: TocEntry[];
  export default function MDXContent(props: MDXProps): React.JSX.Element;
}
