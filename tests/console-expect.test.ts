import { describe, expect, it } from "vitest";
import { initialDraft } from "@/components/console/draft";
import {
  type Answer,
  browserCanSend,
  describeDifferences,
  isLessonRequest,
  likelyReason,
  problemDetail,
} from "@/components/console/expect";
import { examples as httpExamples } from "@/content/lessons/http-and-rest/examples";
import { examples } from "@/content/lessons/todo-api/examples";

const JSON_TYPE: [string, string] = ["content-type", "application/json"];
const PROBLEM_TYPE: [string, string] = ["content-type", "application/problem+json"];

function answer(status: number, body: unknown, headers: [string, string][] = [JSON_TYPE]): Answer {
  return { status, headers, body: body === undefined ? "" : JSON.stringify(body) };
}

const CREATED_4 = answer(201, { id: 4, title: "Write my own Todo API", done: false }, [
  JSON_TYPE,
  ["location", "/api/v1/todos/4"],
  ["etag", '"a1"'],
]);

describe("describeDifferences: the lesson's answer against the sandbox's", () => {
  it("finds none when the answer is the lesson's (extra fields and headers may vary)", () => {
    const withExtras: Answer = {
      ...CREATED_4,
      headers: [...CREATED_4.headers, ["server-timing", "db;dur=1"]],
      body: JSON.stringify({ id: 4, title: "Write my own Todo API", done: false, createdAt: "x" }),
    };
    expect(describeDifferences(examples.createTodo.expect, withExtras)).toEqual([]);
  });

  it("names each field and header that differs when the create ran twice (todo 5, not 4)", () => {
    const created5 = answer(201, { id: 5, title: "Write my own Todo API", done: false }, [
      JSON_TYPE,
      ["Location", "/api/v1/todos/5"],
      ["etag", '"a2"'],
    ]);
    expect(describeDifferences(examples.createTodo.expect, created5)).toEqual([
      {
        where: "Header location",
        expected: 'containing "/api/v1/todos/4"',
        got: '"/api/v1/todos/5"',
      },
      { where: "Body id", expected: "4", got: "5" },
    ]);
  });

  it("says only the status when it differs, with the reason phrases", () => {
    const notFound = answer(
      404,
      { title: "Not found", status: 404, detail: "Your sandbox has no todo with id 4." },
      [PROBLEM_TYPE],
    );
    expect(describeDifferences(examples.deleteTodo.expect, notFound)).toEqual([
      { where: "Status", expected: "204 No Content", got: "404 Not Found" },
    ]);
    expect(problemDetail(notFound)).toBe("Your sandbox has no todo with id 4.");
    expect(describeDifferences(examples.revalidateTodo2.expect, answer(200, {}))).toEqual([
      { where: "Status", expected: "304 Not Modified", got: "200 OK" },
    ]);
  });

  it("compares arrays by length first, then item by item, with the field's path", () => {
    const todo = (id: number, done = false) => ({ id, title: `t${id}`, done });
    const four = answer(200, {
      data: [todo(1, true), todo(2), todo(3), todo(4)],
      pagination: { page: 1, limit: 10, total: 4, totalPages: 1 },
    });
    const list = describeDifferences(examples.listTodos.expect, four);
    expect(list).toContainEqual({ where: "Body data", expected: "3 items", got: "4 items" });
    expect(list).toContainEqual({ where: "Body pagination.total", expected: "3", got: "4" });

    const renamed = answer(200, {
      data: [{ id: 3, title: "Build the Todo API with CRUD", done: true }, todo(2)],
      pagination: { page: 1, limit: 10, total: 2, totalPages: 1 },
    });
    expect(describeDifferences(examples.listOpen.expect, renamed)).toContainEqual({
      where: "Body data[0].done",
      expected: "false",
      got: "true",
    });
  });

  it("reports a missing header, a missing field and a body that is not JSON", () => {
    const noEtag = answer(200, { id: 1, done: true }, [JSON_TYPE]);
    const list = describeDifferences(examples.getTodo.expect, noEtag);
    expect(list).toContainEqual({ where: "Header etag", expected: "present", got: "missing" });
    expect(list).toContainEqual({
      where: "Body title",
      expected: '"Read the HTTP and REST lesson"',
      got: "missing",
    });
    const text: Answer = { status: 201, headers: [["content-type", "text/plain"]], body: "ok" };
    expect(describeDifferences(examples.createTodo.expect, text)).toContainEqual({
      where: "Body",
      expected: "JSON",
      got: "text",
    });
  });

  it("shortens long values", () => {
    const [d] = describeDifferences(
      { status: 200, body: { title: "short" } },
      answer(200, { title: "x".repeat(200) }),
    );
    expect(d?.got.length).toBeLessThanOrEqual(60);
    expect(d?.got.endsWith("…")).toBe(true);
  });
});

describe("likelyReason", () => {
  it("blames the sandbox's state, unless it is the rate limit or the server", () => {
    expect(likelyReason(answer(404, {})).sandbox).toBe(true);
    expect(likelyReason(answer(404, {})).text).toMatch(/changed since a fresh start/);
    expect(likelyReason(answer(429, {}))).toMatchObject({ sandbox: false });
    expect(likelyReason(answer(429, {})).text).toMatch(/Retry-After/);
    expect(likelyReason(answer(500, {})).sandbox).toBe(false);
  });
});

describe("isLessonRequest: only the lesson's own request is compared", () => {
  const lesson = initialDraft(examples.createTodo);

  it("holds for the lesson's request, however its JSON is spaced", () => {
    expect(isLessonRequest(initialDraft(examples.createTodo), lesson)).toBe(true);
    expect(isLessonRequest({ ...lesson, body: '{"title":"Write my own Todo API"}' }, lesson)).toBe(
      true,
    );
  });

  it("fails for an edited body, path, method, query or header", () => {
    expect(isLessonRequest({ ...lesson, body: '{"title":"Mine"}' }, lesson)).toBe(false);
    expect(isLessonRequest({ ...lesson, body: '{"title": ' }, lesson)).toBe(false);
    expect(isLessonRequest({ ...lesson, path: "/api/v1/todos/1" }, lesson)).toBe(false);
    expect(isLessonRequest({ ...lesson, method: "PUT" }, lesson)).toBe(false);
    const page1 = initialDraft(examples.listPage1);
    const page2 = initialDraft(examples.listPage2);
    expect(isLessonRequest(page2, page1)).toBe(false);
    const revalidate = initialDraft(examples.revalidateTodo2);
    expect(isLessonRequest(revalidate, initialDraft(examples.revalidateTodo2))).toBe(true);
    expect(isLessonRequest({ ...revalidate, headers: [] }, revalidate)).toBe(false);
  });

  it("never holds where the browser cannot send the lesson's headers (Origin)", () => {
    const cors = initialDraft(httpExamples.corsSimple);
    expect(browserCanSend(cors)).toBe(false);
    expect(isLessonRequest(cors, cors)).toBe(false);
    expect(browserCanSend(initialDraft(httpExamples.echoPost))).toBe(true);
  });
});
