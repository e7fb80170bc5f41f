import { describe, expect, test } from "vitest";
import * as v2 from "@/lib/api-versioning/contract";
import { operationId } from "@/lib/openapi/operation-id";
import { siteOpenApiDocument } from "@/lib/openapi/site-document";
import type { OperationObject, ParameterObject } from "@/lib/openapi/types";
import * as v1 from "@/lib/todo-api/contract";

const doc = siteOpenApiDocument();
const op = (o: { method: string; path: string }): OperationObject => {
  const found = doc.paths[o.path]?.[o.method.toLowerCase() as "get"];
  if (!found) throw new Error(`${o.method} ${o.path} is not in the document`);
  return found;
};
const names = (o: OperationObject) =>
  (o.parameters ?? []).map((p) => (p as ParameterObject).name).sort();

/**
 * v1's operation as v2 would describe it if only the representation changed: not deprecated, no
 * deprecation headers, v2's paths, `text` for `title`.
 */
function asV2(operation: OperationObject): unknown {
  // Tags name the lesson that teaches it: the Todo API lesson for v1, this one for v2.
  const { deprecated, tags: _, ...rest } = structuredClone(operation);
  expect(deprecated).toBe(true);
  for (const response of Object.values(rest.responses)) {
    if ("headers" in response && response.headers) {
      for (const name of ["deprecation", "sunset", "link"]) delete response.headers[name];
      if (Object.keys(response.headers).length === 0) delete response.headers;
    }
  }
  return JSON.parse(
    JSON.stringify(rest)
      .replaceAll("/api/v1/", "/api/v2/")
      .replaceAll("-v1-", "-v2-")
      .replaceAll('"title"', '"text"')
      .replaceAll("the title is", "the text is"),
  );
}

describe("the OpenAPI documents of v1 and v2", () => {
  const pairs = [
    [v1.createTodo, v2.createTodoV2],
    [v1.readTodo, v2.readTodoV2],
    [v1.replaceTodo, v2.replaceTodoV2],
    [v1.patchTodo, v2.patchTodoV2],
    [v1.deleteTodo, v2.deleteTodoV2],
  ] as const;

  test("mark every v1 operation deprecated, with the headers it answers, and no v2 one", () => {
    for (const operation of v1.todoApi) {
      const documented = op(operation);
      expect(documented.deprecated, operationId(operation)).toBe(true);
      const ok =
        documented.responses[
          operation.method === "POST" ? 201 : operation.method === "DELETE" ? 204 : 200
        ];
      expect(ok && "headers" in ok ? Object.keys(ok.headers ?? {}) : []).toEqual(
        expect.arrayContaining(["deprecation", "sunset", "link"]),
      );
    }
    for (const operation of v2.todoV2Api) {
      const documented = op(operation);
      expect(documented.deprecated, operationId(operation)).toBeUndefined();
      expect(JSON.stringify(documented)).not.toMatch(/"(deprecation|sunset)"/);
    }
  });

  test("differ, for one todo, only in the renamed field (and v1's deprecation)", () => {
    for (const [old, next] of pairs) {
      const { tags: _, ...documented } = op(next);
      expect(asV2(op(old)), `${next.method} ${next.path}`).toEqual(documented);
    }
  });

  test("differ, for the list, in its pagination: cursor for page and sort, nextCursor for pagination", () => {
    const list1 = op(v1.listTodos);
    const list2 = op(v2.listTodosV2);
    expect(names(list1)).toEqual(["done", "limit", "page", "q", "sort"]);
    expect(names(list2)).toEqual(["cursor", "done", "limit", "q"]);
    const param = (o: OperationObject, name: string) =>
      (o.parameters ?? []).find((p) => (p as ParameterObject).name === name);
    for (const shared of ["limit", "done", "q"])
      expect(param(list2, shared), shared).toEqual(param(list1, shared));
    const body = (o: OperationObject) => {
      const ok = o.responses[200];
      return ok && "content" in ok ? ok.content?.["application/json"]?.schema : undefined;
    };
    expect(body(list1)).toMatchObject({ required: ["data", "pagination"] });
    expect(body(list2)).toMatchObject({ required: ["data", "nextCursor"] });
    expect(JSON.stringify(body(list2))).toContain('"text"');
    expect(JSON.stringify(body(list2))).not.toContain('"title"');
    // v2's list can also answer a bad cursor; otherwise the same problems.
    const statuses = (o: OperationObject) => Object.keys(o.responses).sort();
    expect(statuses(list2)).toEqual(statuses(list1));
    expect(JSON.stringify(list2.responses[400])).toContain("InvalidCursor");
    expect(JSON.stringify(list1.responses[400] ?? {})).not.toContain("InvalidCursor");
  });

  test("document /api/todos with the headers that choose its version", () => {
    const byHeader = op(v2.listTodosByHeader);
    expect(names(byHeader)).toEqual(["accept", "api-version"]);
    expect(Object.keys(byHeader.responses)).toEqual(expect.arrayContaining(["200", "400", "406"]));
  });
});
