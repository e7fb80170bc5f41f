import { describe, expect, it } from "vitest";
import lesson from "@/content/lessons/transactions-and-procedures/lesson";
import { newSandboxKey } from "../harness";
import { replaySqlLesson } from "../support/sql-lessons";

describe("the transactions-and-procedures lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox", { timeout: 180_000 }, async () => {
    expect(await replaySqlLesson(await newSandboxKey(), lesson.examples)).toBeNull();
  });
});
