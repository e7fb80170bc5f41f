import { readdirSync } from "node:fs";
import path from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, test } from "vitest";
import { GET as serveDocument } from "@/app/api/openapi.json/route";
import { lessons } from "@/content/lessons";
import type { Operation } from "@/lib/http/contract";
import { HttpProblem, problemKinds, problemResponse } from "@/lib/http/problem";
import { problemsOf } from "@/lib/openapi/document";
import { operationId, referenceHref } from "@/lib/openapi/operation-id";
import { PROBLEM_SCHEMA_NAME } from "@/lib/openapi/problems";
import { PORTAL_TAG, siteOpenApiDocument } from "@/lib/openapi/site-document";
import {
  DOCUMENT_METHODS,
  isReference,
  type OperationObject,
  type ParameterObject,
} from "@/lib/openapi/types";
import { progressApi } from "@/lib/progress/contract";
import { sandboxApi } from "@/lib/sandbox/contract";
import { call } from "./harness";

const doc = siteOpenApiDocument();

function operationsOf(): { path: string; method: string; operation: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    DOCUMENT_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

describe("the OpenAPI document", () => {
  test("lints clean with Redocly's recommended ruleset: no errors, no warnings", async () => {
    const config = await createConfig({
      extends: ["recommended"],
      rules: {
        // The project has not chosen a license (package.json is private, there is no LICENSE
        // file): the API description must not invent one. Turn this back on when it has one.
        "info-license": "off",
      },
    });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: "openapi.json",
      config,
    });
    const report = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`,
    );
    expect(report).toEqual([]);
  });

  test("lists every lesson's operations under the lesson, which links to the lesson page", () => {
    for (const lesson of lessons) {
      const tag = doc.tags.find((t) => t.name === lesson.meta.title);
      if (lesson.api.length === 0) continue;
      expect(tag?.externalDocs?.url).toBe(`/learn/${lesson.meta.slug}`);
      for (const op of lesson.api) {
        const documented = doc.paths[op.path]?.[op.method.toLowerCase() as "get"];
        expect(documented, `${op.method} ${op.path}`).toBeDefined();
        expect(documented?.tags).toContain(lesson.meta.title);
        expect(documented?.summary).toBe(op.summary);
      }
    }
  });

  test("lists the portal's sandbox and progress operations under one tag", () => {
    for (const op of [...sandboxApi, ...progressApi]) {
      const documented = doc.paths[op.path]?.[op.method.toLowerCase() as "get"];
      expect(documented?.tags, `${op.method} ${op.path}`).toEqual([PORTAL_TAG]);
    }
  });

  test("declares every path parameter of every path, and no other", () => {
    for (const { path, method, operation } of operationsOf()) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = (operation.parameters ?? [])
        .filter((p) => p.in === "path")
        .map((p) => p.name)
        .sort();
      expect(declared, `${method} ${path}`).toEqual(inPath);
    }
  });

  test("operation ids are unique, stable and the reference page's anchors", () => {
    const ids = operationsOf().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationId({ method: "GET", path: "/api/v1/todos/{id}" })).toBe("get-api-v1-todos-id");
    expect(referenceHref("todo-api")).toBe("/reference#todo-api");
    expect(referenceHref("todo-api", { method: "PATCH", path: "/api/v1/todos/{id}" })).toBe(
      "/reference#patch-api-v1-todos-id",
    );
    for (const { path, method, operation } of operationsOf())
      expect(operation.operationId).toBe(
        operationId({ method: method.toUpperCase() as "GET", path }),
      );
  });

  test("query and path values are documented as the client sends them", () => {
    const list = doc.paths["/api/v1/todos"]?.get;
    const page = list?.parameters?.find((p) => p.name === "page");
    expect(page).toEqual<ParameterObject>({
      name: "page",
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 10_000, default: 1 },
    });
    const id = doc.paths["/api/v1/todos/{id}"]?.get?.parameters?.[0];
    expect(id).toMatchObject({ in: "path", required: true, schema: { type: "integer" } });
  });

  test("every operation answers its problems, and identified ones 401, with the Problem schema", () => {
    const all: Operation[] = [...lessons.flatMap((l) => l.api), ...sandboxApi, ...progressApi];
    for (const op of all) {
      const documented = doc.paths[op.path]?.[op.method.toLowerCase() as "get"];
      const statuses = problemsOf(op).map((kind) => String(problemKinds[kind].status));
      for (const kind of op.problems ?? [])
        expect(statuses).toContain(String(problemKinds[kind].status));
      if (op.auth !== "optional") expect(statuses).toContain("401");
      else expect(documented?.security).toContainEqual({});
      for (const status of statuses) {
        const res = documented?.responses[status];
        expect(res && isReference(res), `${op.method} ${op.path} ${status}`).toBe(true);
      }
    }
    const unauthorized = doc.components.responses.Unauthorized;
    expect(unauthorized?.headers).toHaveProperty("www-authenticate");
    expect(doc.components.responses.RateLimited?.headers).toHaveProperty("retry-after");
  });

  test("the Problem schema describes the problem bodies the API sends", async () => {
    const res = problemResponse(
      new HttpProblem("validation", "Bad", {
        errors: [{ in: "body", field: "title", message: "is required" }],
      }),
      { type: "about:blank", path: "/api/v1/todos", requestId: "r1" },
    );
    const body = await res.json();
    const schema = doc.components.schemas[PROBLEM_SCHEMA_NAME] as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(body).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(schema.required.sort()).toEqual(
      Object.keys(body)
        .filter((k) => k !== "errors")
        .sort(),
    );
  });
});

/** `app/api/v1/(todo-api)/todos/[id]/route.ts` serves `/api/v1/todos/{id}`. */
function routeFiles(dir: string): { file: string; path: string }[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => {
      const segments = path
        .dirname(f)
        .split(path.sep)
        .filter((s) => !/^\(.*\)$/.test(s))
        .map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
      return { file: path.join(dir, f), path: `/${["api", "v1", ...segments].join("/")}` };
    });
}

test("every lesson API route is in the document with exactly the methods it serves", async () => {
  const dir = path.resolve(import.meta.dirname, "../app/api/v1");
  const routes = routeFiles(dir).filter((r) => !r.path.includes("["));
  expect(routes.length).toBeGreaterThan(0);
  for (const route of routes) {
    const mod = (await import(route.file)) as { OPTIONS: Parameters<typeof call>[0] };
    const res = await call(mod.OPTIONS, route.path, {}, { method: "OPTIONS" });
    const served = (res.headers.get("allow") ?? "")
      .split(", ")
      .filter((m) => m !== "HEAD" && m !== "OPTIONS");
    const item = doc.paths[route.path] ?? {};
    const documented = DOCUMENT_METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
    expect(documented.sort(), route.path).toEqual(served.sort());
  }
});

test("GET /api/openapi.json serves the document as JSON, cacheable", async () => {
  const res = await call(async () => serveDocument(), "/api/openapi.json", {});
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("cache-control")).toMatch(/public/);
  expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
});
