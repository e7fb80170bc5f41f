import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/blog-api/lesson";
import { newSandboxKey } from "../harness";
import { answerOf, pathOf, replayAll, type Send } from "../support/replay-examples";
import { runScript, sqlLessonSend } from "../support/sql-lessons";
import { blog } from "./client";
import { realworldSend } from "./realworld-client";

describe("the Blog API lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", {
    timeout: 120_000,
  }, async () => {
    const key = await newSandboxKey();
    const sql = sqlLessonSend(key);
    const realworld = realworldSend(key);
    const send: Send = async (request) =>
      pathOf(request) === "/api/v1/sql"
        ? sql(request)
        : ((await realworld(request)) ??
          answerOf(
            await blog(request.url, {
              key,
              method: request.method,
              headers: Object.fromEntries(request.headers),
              body: request.body ?? undefined,
            }),
          ));
    expect(await replayAll(lesson.examples, send)).toBeNull();
  });
});

describe("the SQL the lesson runs in the console", () => {
  it("finds posts through the GIN index once sequential scans are off, as the page says", {
    timeout: 60_000,
  }, async () => {
    const key = await newSandboxKey();
    const script = (lesson.examples.explainSearch.body as { sql: string }).sql;
    const [, , explain] = await runScript(key, script);
    type Node = { node: string; index?: string; children: Node[] };
    const nodes = (n: Node): Node[] => [n, ...n.children.flatMap(nodes)];
    const plan = (explain as unknown as { plan: Node }).plan;
    expect(nodes(plan)).toContainEqual(
      expect.objectContaining({ node: "Bitmap Index Scan", index: "posts_search_idx" }),
    );
  });
});

describe("the Blog API lesson's page", () => {
  it("shows the examples in the order they are replayed (so each answers as shown where it is)", () => {
    const page = readFileSync("content/lessons/blog-api/page.mdx", "utf8");
    const shown = [
      ...new Set([...page.matchAll(/\b(?:examples|realworldExamples)\.(\w+)/g)].map((m) => m[1])),
    ];
    expect(shown).toEqual(Object.keys(lesson.examples));
  });

  it("has the sections the lesson teaches", async () => {
    const { toc } = await import("@/content/lessons/blog-api/page.mdx");
    const ids = toc.map((entry: { id: string }) => entry.id);
    for (const id of [
      "try-it-now",
      "pages-offset-or-cursor",
      "why-the-cursor-is-signed",
      "full-text-search",
      "the-gin-index",
      "joins-not-n1",
      "writing-a-post-one-transaction",
      "publishing-through-a-postgres-function",
      "exercises",
    ])
      expect(ids).toContain(id);
  });
});
