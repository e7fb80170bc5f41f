import { count } from "drizzle-orm";
import { blogPost } from "@/db/schema/blog-api";
import type { RequestLogEntry } from "@/db/schema/sandboxes";
import { SEARCH_SPAN } from "@/lib/express-and-sql/service";
import type { Check } from "@/lib/lessons/checks";
import { quizPassed } from "@/lib/quizzes/checks";
import { ownedBy } from "@/lib/sandbox/scope";
import { handlersAndSql } from "./quizzes";

const SEARCH_PATH = "/api/v1/injection/posts";

/** One logged search: its mode and title, and what its `search` span says came back. */
type Search = {
  mode: string;
  title: string;
  rows: number;
  drafts: number;
  writes: number;
  changed: number;
};

const OUTCOME = /^(\w+) rows=(\d+) drafts=(\d+) writes=(\d+) changed=(\d+) error=\S+$/;

/** The learner's searches, oldest first. */
export function searches(log: readonly RequestLogEntry[]): Search[] {
  return [...log].reverse().flatMap((entry) => {
    const url = new URL(entry.path, "http://log.invalid");
    if (entry.method !== "GET" || url.pathname !== SEARCH_PATH || entry.status !== 200) return [];
    const span = entry.spans.find((s) => s.name === SEARCH_SPAN);
    const m = span?.desc ? OUTCOME.exec(span.desc) : null;
    if (!m) return [];
    const [, mode = "", rows, drafts, writes, changed] = m;
    return [
      {
        mode,
        title: url.searchParams.get("title") ?? "",
        rows: Number(rows),
        drafts: Number(drafts),
        writes: Number(writes),
        changed: Number(changed),
      },
    ];
  });
}

const leaked = (s: Search) => s.mode === "concatenated" && s.drafts > 0;

/** What "Check my work" looks for: an injection that worked, the same input stopped, an undone DELETE. */
export const checks: Check[] = [
  {
    id: "leaked-drafts",
    title: "You made the concatenated search leak at least one of your drafts",
    hint: "In concatenated mode, end the title's string with a quote and add a condition that is always true; a comment (--) can swallow what follows.",
    test: ({ log }) => searches(log).some(leaked),
  },
  {
    id: "bound-same-input",
    title: "You sent the input that leaked a draft in parameterised mode, and nothing leaked",
    hint: "Send the exact title that leaked your drafts again, with mode=parameterised.",
    test: ({ log }) => {
      const all = searches(log);
      return all.some(
        (s, i) =>
          leaked(s) &&
          all
            .slice(i + 1)
            .some((t) => t.mode === "parameterised" && t.title === s.title && t.drafts === 0),
      );
    },
  },
  {
    id: "rolled-back-write",
    title:
      "An injected statement deleted or changed your posts in the console, and they are all still here",
    hint: "In concatenated mode, end the SELECT with '; and add a DELETE or UPDATE of posts; then look at your posts again.",
    test: async ({ log, db, sandboxId }) => {
      if (!searches(log).some((s) => s.mode === "concatenated" && s.changed > 0)) return false;
      const [row] = await db
        .select({ n: count() })
        .from(blogPost)
        .where(ownedBy(blogPost, sandboxId));
      return (row?.n ?? 0) > 0;
    },
  },
  {
    id: "found-published",
    title: "You found a published post of your choice with the parameterised search",
    hint: "Search with mode=parameterised for a word of your choice (not the lesson's \"postgres\") from one of your published posts' titles.",
    test: ({ log }) =>
      searches(log).some(
        (s) => s.mode === "parameterised" && s.rows > 0 && s.title.toLowerCase() !== "postgres",
      ),
  },
  quizPassed(handlersAndSql),
];
