import { lessons } from "@/content/lessons";
import type { ProblemKind } from "@/lib/http/problem";
import { onSite } from "@/lib/http/site-origin";

let sections: Map<ProblemKind, string> | undefined;

/**
 * The page section that explains a problem kind: the first lesson (in reading order) that declares
 * it in `explains`. Kinds no lesson explains are `about:blank`, as RFC 9457 §4.2.1 says, whose
 * title is the status's own.
 */
export function problemDoc(kind: ProblemKind): string {
  if (!sections) {
    sections = new Map();
    for (const lesson of lessons) {
      for (const [explained, anchor] of Object.entries(lesson.explains)) {
        const k = explained as ProblemKind;
        if (!sections.has(k)) sections.set(k, `/learn/${lesson.meta.slug}#${anchor}`);
      }
    }
  }
  return sections.get(kind) ?? "about:blank";
}

/**
 * The problem `type` as an absolute URI on the site the request reached (see
 * lib/http/site-origin.ts); relative when the request named no usable host.
 */
export function problemTypeFor(kind: ProblemKind, origin: string | undefined): string {
  const doc = problemDoc(kind);
  return doc === "about:blank" ? doc : onSite(doc, origin);
}
