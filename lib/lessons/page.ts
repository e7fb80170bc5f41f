import type { MDXProps } from "mdx/types";
import type { TocEntry } from "@/lib/mdx/toc";

/** A lesson's compiled MDX page: its content and the headings it exports (lib/mdx/toc.ts). */
export type LessonPage = {
  default: (props: MDXProps) => React.JSX.Element;
  toc: TocEntry[];
};
