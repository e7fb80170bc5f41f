import MiniSearch, { type SearchResult } from "minisearch";
import {
  INDEX_OPTIONS,
  SEARCH_INDEX_PATH,
  SEARCH_OPTIONS,
  type SearchDoc,
  type SearchIndexFile,
} from "./schema";

/** A run of text, marked when it is a word the query matched. */
export type Segment = { text: string; hit: boolean };

/** A written lesson or one of its sections, ready to show. */
export type PageHit = {
  kind: "lesson" | "section";
  id: string;
  href: string;
  lesson: string;
  parent?: string;
  heading: Segment[];
  snippet: Segment[];
};

/** A planned lesson not written yet: shown as coming, without a link. */
export type PlannedHit = { id: string; title: Segment[]; month: number; weeks: string };

export type SearchHits = { pages: PageHit[]; planned: PlannedHit[] };

export type LessonSearch = MiniSearch<SearchDoc>;

/** Fetches the index built with the site (app/search-index.json/route.ts) and loads it. */
export async function loadLessonSearch(): Promise<LessonSearch> {
  const res = await fetch(SEARCH_INDEX_PATH);
  if (!res.ok) throw new Error(`${SEARCH_INDEX_PATH} answered ${res.status}`);
  return fromIndexFile((await res.json()) as SearchIndexFile);
}

export function fromIndexFile(file: SearchIndexFile): LessonSearch {
  return MiniSearch.loadJS<SearchDoc>(file.index, INDEX_OPTIONS);
}

const PAGE_LIMIT = 12;
const PLANNED_LIMIT = 3;

/**
 * The lessons and sections that match every word of `query` (or, when none does, any word),
 * best first, with the matched words marked in the heading and in a snippet of the text.
 */
export function searchLessons(index: LessonSearch, query: string): SearchHits {
  if (!query.trim()) return { pages: [], planned: [] };
  let results = index.search(query, SEARCH_OPTIONS);
  if (results.length === 0) results = index.search(query, { ...SEARCH_OPTIONS, combineWith: "OR" });
  const pages: PageHit[] = [];
  const planned: PlannedHit[] = [];
  for (const result of results) {
    const doc = result as SearchResult & SearchDoc;
    if (doc.kind === "planned") {
      if (planned.length < PLANNED_LIMIT)
        planned.push({
          id: doc.id,
          title: highlight(doc.heading, result.terms),
          month: doc.month,
          weeks: doc.weeks,
        });
    } else if (pages.length < PAGE_LIMIT) {
      pages.push({
        kind: doc.kind,
        id: doc.id,
        href: doc.href,
        lesson: doc.lesson,
        ...(doc.parent ? { parent: doc.parent } : {}),
        heading: highlight(doc.heading, result.terms),
        snippet: snippet(doc.text, result.terms),
      });
    }
  }
  return { pages, planned };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Matches any of `terms` as a whole word (the index's words split at punctuation too). */
function wordsPattern(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const longestFirst = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${longestFirst.join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

/** `text` in segments, the words in `terms` marked. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const pattern = wordsPattern(terms);
  if (!pattern) return text ? [{ text, hit: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), hit: false });
    segments.push({ text: match[0], hit: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), hit: false });
  return segments;
}

/**
 * About `length` characters of `text` around the first matched word (or from the start when
 * only the heading matched), cut at spaces, with "…" where it was cut, the words marked.
 */
export function snippet(text: string, terms: readonly string[], length = 180): Segment[] {
  const first = wordsPattern(terms)?.exec(text)?.index ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    end = space > first ? space : end;
  }
  const segments = highlight(text.slice(start, end), terms);
  if (start > 0) segments.unshift({ text: "…", hit: false });
  if (end < text.length) segments.push({ text: "…", hit: false });
  return segments;
}
