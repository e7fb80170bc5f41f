import { describe, expect, it } from "vitest";
import { findLesson } from "@/content/lessons";
import lesson from "@/content/lessons/sql-basics/lesson";
import { toc } from "@/content/lessons/sql-basics/page.mdx";
import { newSandboxKey } from "../harness";
import { replaySqlLesson } from "../support/sql-lessons";

describe("the SQL basics lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox", { timeout: 120_000 }, async () => {
    expect(await replaySqlLesson(await newSandboxKey(), lesson.examples)).toBeNull();
  });

  it("is a lesson with its sections", () => {
    expect(findLesson("sql-basics")?.meta.title).toBe(lesson.title);
    const ids = toc.map((entry) => entry.id);
    for (const id of ["try-it-now", "keys-and-relationships", "exercises"])
      expect(ids).toContain(id);
  });
});
