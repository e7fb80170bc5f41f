import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/search-index.json/route";
import { lessons, loadLessonPage } from "@/content/lessons";
import { plannedLessons } from "@/content/roadmap";
import { searchDocuments } from "@/lib/search/build";
import {
  fromIndexFile,
  type LessonSearch,
  type Segment,
  searchLessons,
  snippet,
} from "@/lib/search/query";
import type { SearchDoc, SearchIndexFile } from "@/lib/search/schema";
import { pageSections } from "@/lib/search/sections";

const plain = (segments: Segment[]) => segments.map((s) => s.text).join("");
const marked = (segments: Segment[]) => segments.filter((s) => s.hit).map((s) => s.text);

let docs: SearchDoc[];
let search: LessonSearch;

// The index as the browser gets it: from the route, through JSON.
beforeAll(async () => {
  docs = await searchDocuments();
  const res = await GET();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  search = fromIndexFile((await res.json()) as SearchIndexFile);
}, 120_000);

describe("the search index", () => {
  it("holds every lesson's headings with the ids its page renders, in order", async () => {
    for (const lesson of lessons) {
      const { slug, title } = lesson.meta;
      const page = await loadLessonPage(slug);
      const toc = page?.toc ?? [];
      expect(toc.length, slug).toBeGreaterThan(0);
      const sections = docs.filter((d) => d.kind === "section" && d.id.startsWith(`${slug}#`));
      expect(
        sections.map((d) => [d.id, d.heading]),
        slug,
      ).toEqual(toc.map((entry) => [`${slug}#${entry.id}`, entry.text]));
      for (const section of sections) {
        expect(section).toMatchObject({ href: `/learn/${section.id}`, lesson: title });
      }
    }
  }, 120_000);

  it("finds every section by its own heading", () => {
    const sections = docs.filter(
      (doc): doc is Extract<SearchDoc, { kind: "section" | "lesson" }> => doc.kind === "section",
    );
    const shared = (heading: string) => sections.filter((d) => d.heading === heading).length;
    for (const doc of sections) {
      // A heading every lesson has ("Try it now") is found with the lesson's name beside it,
      // as a learner would type it: there are more such sections than results in the list.
      const query = shared(doc.heading) > 1 ? `${doc.heading} ${doc.lesson}` : doc.heading;
      const hits = searchLessons(search, query).pages.map((hit) => hit.href);
      expect(hits.slice(0, 3), query).toContain(doc.href);
    }
  });

  it("finds a section by a word that only its text has, and shows that word in context", () => {
    const { pages } = searchLessons(search, "encodeURIComponent");
    const [first] = pages;
    expect(first?.href).toBe("/learn/http-and-rest#urls-paths-and-query-strings");
    expect(plain(first?.heading ?? [])).toBe("URLs, paths and query strings");
    expect(marked(first?.snippet ?? [])).toContain("encodeURIComponent");
  });

  it("finds a section while the last word is still being typed", () => {
    const { pages } = searchLessons(search, "precondition requ");
    expect(pages[0]?.href).toBe("/learn/todo-api#428-precondition-required");
    expect(marked(pages[0]?.heading ?? [])).toEqual(["Precondition", "Required"]);
  });

  it("finds a lesson by its summary, linking to the top of its page", () => {
    const { pages } = searchLessons(search, "inspector that echoes");
    expect(pages[0]).toMatchObject({ kind: "lesson", href: "/learn/http-and-rest" });
  });

  it("shows a planned lesson as coming, without a link", () => {
    const written = new Set(lessons.map((l) => l.meta.slug));
    const upcoming = plannedLessons().find((p) => !written.has(p.slug));
    expect(upcoming).toBeDefined();
    const { planned } = searchLessons(search, upcoming?.title ?? "");
    expect(planned[0]).toMatchObject({ month: upcoming?.month, weeks: upcoming?.weeks });
    expect(plain(planned[0]?.title ?? [])).toBe(upcoming?.title);
    expect(planned[0]).not.toHaveProperty("href");
    // A written lesson is a page, never "coming".
    const writtenTitle = lessons[0]?.meta.title ?? "";
    expect(searchLessons(search, writtenTitle).planned.map((p) => plain(p.title))).not.toContain(
      writtenTitle,
    );
  });

  it("finds nothing for an empty query or a word no lesson has", () => {
    expect(searchLessons(search, "   ")).toEqual({ pages: [], planned: [] });
    expect(searchLessons(search, "xylophone")).toEqual({ pages: [], planned: [] });
  });
});

describe("a page's sections", () => {
  const source = [
    "import { examples } from './examples';",
    "",
    "Intro with a **bold** word.",
    "",
    "## First step",
    "",
    "Prose that names `Content-Type`, in a table:",
    "",
    "| Header | Meaning |",
    "| --- | --- |",
    "| Accept | wanted |",
    "",
    "```ts",
    "const hiddenIdentifier = 1;",
    "```",
    "",
    "### A detail",
    "",
    "<Console {...examples.echoGet} />",
    "",
    "More prose.",
    "",
    "## First step",
    "",
    "Again.",
  ].join("\n");

  it("are split at h2 and h3, ids as rehype-slug gives them, code blocks left out", async () => {
    expect(await pageSections(source)).toEqual([
      { id: "", depth: 1, heading: "", text: "Intro with a bold word." },
      {
        id: "first-step",
        depth: 2,
        heading: "First step",
        text: "Prose that names Content-Type, in a table: Header Meaning Accept wanted",
      },
      {
        id: "a-detail",
        depth: 3,
        heading: "A detail",
        parent: "First step",
        text: "More prose.",
      },
      { id: "first-step-1", depth: 2, heading: "First step", text: "Again." },
    ]);
  });
});

describe("a snippet", () => {
  const text = `${"Lorem ipsum dolor sit amet. ".repeat(10)}The ETag header is a validator. ${"Consectetur adipiscing elit. ".repeat(10)}`;

  it("is cut at spaces around the first matched word, which is marked", () => {
    const segments = snippet(text, ["etag"], 120);
    const shown = plain(segments);
    expect(marked(segments)).toEqual(["ETag"]);
    expect(shown.startsWith("…")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(122);
    expect(shown).toMatch(/^…\S/);
  });

  it("marks whole words only, and starts at the beginning when only the heading matched", () => {
    const segments = snippet("Stage the staged files.", ["stage"]);
    expect(marked(segments)).toEqual(["Stage"]);
    expect(plain(snippet(text, ["nothere"], 40))).toBe("Lorem ipsum dolor sit amet. Lorem ipsum…");
  });
});
