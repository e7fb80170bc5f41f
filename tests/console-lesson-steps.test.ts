import { describe, expect, it } from "vitest";
import {
  type LessonStep,
  setLessonSteps,
  stepsBefore,
  writes,
} from "@/components/lesson/lesson-steps";
import { findLesson } from "@/content/lessons";

const todo = findLesson("todo-api");
const steps: LessonStep[] = Object.entries(todo?.examples ?? {}).map(([name, e]) => ({
  ...e,
  name,
}));

describe("the lesson's steps a console replays", () => {
  it("are the ones before it, in the lesson's order, leaving out those the lesson expects to fail", () => {
    setLessonSteps(steps);
    const before = stepsBefore("getDeleted");
    expect(before?.map((s) => s.name)).toEqual([
      "listTodos",
      "listPage1",
      "listPage2",
      "listOpen",
      "listSearch",
      "getTodo",
      "createTodo",
      "replaceTodo",
      "readTodo4",
      "replaceAgain",
      "revalidateTodo4",
      "patchTodo",
      "deleteTodo",
    ]);
    expect(writes(before ?? [])).toBe(true);
  });

  it("only read before the create, and are unknown for a request the lesson does not have", () => {
    setLessonSteps(steps);
    expect(writes(stepsBefore("createTodo") ?? [])).toBe(false);
    expect(stepsBefore("listTodos")).toEqual([]);
    expect(stepsBefore("mine")).toBeNull();
    expect(stepsBefore(undefined)).toBeNull();
  });
});
