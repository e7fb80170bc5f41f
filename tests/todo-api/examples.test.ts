import { describe, expect, it } from "vitest";
import { type Example, fillHeaders } from "@/content/examples";
import lesson from "@/content/lessons/todo-api/lesson";
import { toc } from "@/content/lessons/todo-api/page.mdx";
import { newSandboxKey } from "../harness";
import { todo, todos } from "./client";

type Method = Parameters<typeof todos>[0];

async function replay(example: Example, key: string, seen: Map<string, Headers>) {
  const headers = fillHeaders(example, seen);
  const options = { key, headers, query: example.query, body: example.body };
  const id = /^\/api\/v1\/todos\/(\d+)$/.exec(example.path)?.[1];
  const method = example.method as Method;
  return id ? todo(method, id, options) : todos(method, options);
}

const examples: [string, Example][] = Object.entries(lesson.examples);

describe("the Todo API lesson's examples", () => {
  it("answer as the lesson says, in order, on a fresh sandbox (route handlers in process)", async () => {
    const key = await newSandboxKey();
    const seen = new Map<string, Headers>();
    for (const [name, example] of examples) {
      const res = await replay(example, key, seen);
      seen.set(name, res.headers);
      const text = await res.text();
      expect(res.status, `${name}: ${text}`).toBe(example.expect.status);
      for (const [header, expected] of Object.entries(example.expect.headers ?? {})) {
        const actual = res.headers.get(header);
        expect(actual, `${name}: header ${header}`).not.toBeNull();
        if (typeof expected === "string") {
          expect(actual?.toLowerCase(), `${name}: ${header}`).toContain(expected.toLowerCase());
        }
      }
      if (example.expect.body !== undefined) {
        expect(JSON.parse(text), name).toMatchObject(example.expect.body as object);
      }
    }
  });

  it("only refer to responses that come before them", () => {
    const names = examples.map(([name]) => name);
    examples.forEach(([, example], i) => {
      for (const value of Object.values(example.headers ?? {})) {
        for (const [, name] of value.matchAll(/\{\{(\w+)\./g)) {
          expect(names.slice(0, i), `${names[i]} refers to ${name}`).toContain(name);
        }
      }
    });
  });
});

describe("the Todo API lesson's page", () => {
  const ids = toc.map((entry) => entry.id);

  it("has the sections its problem types link to", () => {
    expect(Object.keys(lesson.explains).sort()).toEqual([
      "conflict",
      "precondition-failed",
      "precondition-required",
      "validation",
    ]);
    for (const anchor of Object.values(lesson.explains)) expect(ids).toContain(anchor);
  });

  it("keeps the anchors other lessons link to", () => {
    for (const anchor of ["create-a-todo", "422-unprocessable-content"]) {
      expect(ids).toContain(anchor);
    }
  });
});
