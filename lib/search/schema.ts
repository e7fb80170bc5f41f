import type { AsPlainObject, Options, SearchOptions } from "minisearch";

/**
 * What the search index holds: one document per written lesson (its title, summary, objectives
 * and the text before its first section), one per section (an h2 or h3 of the page and the text
 * under it, code blocks left out), and one per planned lesson that is not written yet (its title).
 * Shared by the build (lib/search/build.ts) and the browser (lib/search/query.ts), which must load
 * the index with the same options it was built with.
 */
export type SearchDoc =
  | {
      kind: "lesson" | "section";
      /** `<slug>` for a lesson, `<slug>#<heading id>` for a section. */
      id: string;
      href: string;
      /** The lesson's title. */
      lesson: string;
      /** The section's heading (the lesson's title for a lesson). */
      heading: string;
      /** For an h3, the h2 it sits under. */
      parent?: string;
      text: string;
    }
  | {
      kind: "planned";
      id: string;
      heading: string;
      month: number;
      weeks: string;
      text: string;
    };

export const SEARCH_INDEX_PATH = "/search-index.json";

/** What `GET /search-index.json` answers. */
export type SearchIndexFile = { version: 1; index: AsPlainObject };

/**
 * The fields a query looks in, and those a result carries (to show it without the page). A
 * section's lesson title is searched too, so "try it jwt" finds the JWT lesson's "Try it now".
 */
export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ["heading", "text", "lesson"],
  storeFields: ["kind", "href", "lesson", "heading", "parent", "text", "month", "weeks"],
};

/**
 * Every word must match (as a prefix, so results come while typing, and with a typo allowed in
 * longer words); a word in a heading counts for more than one in the text.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { heading: 4, lesson: 0.5 },
  prefix: true,
  fuzzy: (term) => (term.length > 4 ? 0.2 : false),
  combineWith: "AND",
};
