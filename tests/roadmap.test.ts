import { describe, expect, it } from "vitest";
import { lessons, resolveLesson } from "@/content/lessons";
import { plannedLessons, roadmap, weekSpan } from "@/content/roadmap";

describe("roadmap data", () => {
  it("has the six months in order, each with its objective, topics and mini-projects", () => {
    expect(roadmap.months.map((month) => month.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const month of roadmap.months) {
      expect(month.title).not.toBe("");
      expect(month.objective).not.toBe("");
      expect(month.keyTopics.length).toBeGreaterThan(0);
      expect(month.miniProjects.length).toBeGreaterThan(0);
    }
    expect(roadmap.finalNotes.map((note) => note.label)).toEqual([
      "Practice",
      "Projects",
      "System Design",
    ]);
    expect(roadmap.afterSixMonths.outcomes).toHaveLength(3);
  });

  it("has 12 two-week blocks covering weeks 1 to 24 in order, two per month", () => {
    const blocks = roadmap.months.flatMap((month) => month.weekBlocks);
    expect(blocks).toHaveLength(12);
    blocks.forEach((block, i) => {
      expect(weekSpan(block.weeks)).toEqual([2 * i + 1, 2 * i + 2]);
    });
    for (const month of roadmap.months) expect(month.weekBlocks).toHaveLength(2);
  });

  it("plans at least one lesson in every week block, under unique slugs", () => {
    for (const block of roadmap.months.flatMap((month) => month.weekBlocks)) {
      expect(block.topics.length, `weeks ${block.weeks}`).toBeGreaterThan(0);
      expect(block.lessons.length, `weeks ${block.weeks}`).toBeGreaterThan(0);
    }
    const slugs = plannedLessons().map((lesson) => lesson.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it("plans month 1, weeks 3-4 as HTTP and REST, then the Todo API, then SQL basics", () => {
    const block = roadmap.months[0]?.weekBlocks.find((b) => b.weeks === "3-4");
    expect(block?.lessons.map((lesson) => lesson.slug)).toEqual([
      "http-and-rest",
      "todo-api",
      "sql-basics",
    ]);
  });

  it("places every written lesson exactly once, in the month and weeks its meta names", () => {
    expect(lessons.length).toBeGreaterThan(0);
    const planned = plannedLessons();
    for (const { meta } of lessons) {
      const places = planned.filter((lesson) => lesson.slug === meta.slug);
      expect(places, meta.slug).toHaveLength(1);
      expect(places[0]).toMatchObject({ month: meta.month, weeks: meta.weeks });
    }
  });

  it("resolves written lessons to their meta and the rest to upcoming", () => {
    expect(resolveLesson({ slug: "todo-api", title: "planned" })).toMatchObject({
      status: "written",
      title: "Build a Todo API (CRUD)",
      minutes: expect.any(Number),
    });
    expect(resolveLesson({ slug: "graphql", title: "GraphQL" })).toEqual({
      status: "upcoming",
      slug: "graphql",
      title: "GraphQL",
    });
  });
});
