import { describe, expect, it } from "vitest";
import { lessons } from "@/content/lessons";
import { stepAfter, stepFor } from "@/content/next-step";
import { plannedLessons } from "@/content/roadmap";

const written = lessons.map((lesson) => lesson.meta.slug);
const [first, second] = written;
const last = written.at(-1) ?? "";

describe("stepAfter: how a lesson ends", () => {
  it("points to the next written lesson", () => {
    const step = stepAfter(first ?? "");
    expect(step.kind).toBe("lesson");
    expect(step.kind === "lesson" && step.lesson.meta.slug).toBe(second);
  });

  it("after the last written lesson, names the lesson the roadmap plans next, not written yet", () => {
    const step = stepAfter(last);
    expect(step.kind).toBe("upcoming");
    if (step.kind !== "upcoming") return;
    const planned = plannedLessons().map((plan) => plan.slug);
    expect(written).not.toContain(step.lesson.slug);
    expect(planned.indexOf(step.lesson.slug)).toBe(planned.indexOf(last) + 1);
    expect(step.lesson.month).toBeGreaterThanOrEqual(1);
    expect(step.lesson.weeks).toMatch(/^\d+-\d+$/);
  });
});

describe("stepFor: where a learner goes next", () => {
  it("is the first lesson when nothing is done", () => {
    const step = stepFor(new Set());
    expect(step.kind === "lesson" && step.lesson.meta.slug).toBe(first);
  });

  it("is the first lesson not done yet, in reading order", () => {
    expect(stepFor(new Set([first ?? ""]))).toMatchObject({ kind: "lesson" });
    const afterFirst = stepFor(new Set([first ?? ""]));
    expect(afterFirst.kind === "lesson" && afterFirst.lesson.meta.slug).toBe(second);
    const skipped = stepFor(new Set([second ?? ""]));
    expect(skipped.kind === "lesson" && skipped.lesson.meta.slug).toBe(first);
  });

  it("with every written lesson done, is what the roadmap plans after the last one", () => {
    expect(stepFor(new Set(written))).toEqual(stepAfter(last));
  });
});
