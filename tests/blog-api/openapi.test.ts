import { describe, expect, it } from "vitest";
import { blogApi } from "@/lib/blog-api/contract";
import { siteOpenApiDocument } from "@/lib/openapi/site-document";

const doc = siteOpenApiDocument();

describe("the Blog API in the OpenAPI document", () => {
  it("documents every operation of the lesson", () => {
    for (const op of blogApi) {
      const method = op.method.toLowerCase() as "get";
      expect(doc.paths[op.path]?.[method], `${op.method} ${op.path}`).toBeDefined();
    }
  });

  it("documents the list's query, its cursor 400 and its Link header", () => {
    const list = doc.paths["/api/v1/blog/posts"]?.get;
    const names = (list?.parameters ?? []).map((p: { name?: string }) => p.name);
    for (const name of ["limit", "cursor", "author", "tag", "status", "q", "sort"])
      expect(names).toContain(name);
    expect(JSON.stringify(list?.responses["400"])).toMatch(/InvalidCursor|invalid-cursor|cursor/i);
    expect(list?.responses["200"]).toMatchObject({ headers: { link: { required: false } } });
  });

  it("answers 201 with a Location for each create, and 409 where a name or state can clash", () => {
    for (const path of [
      "/api/v1/blog/posts",
      "/api/v1/blog/authors",
      "/api/v1/blog/posts/{slug}/comments",
    ]) {
      const create = doc.paths[path]?.post;
      expect(create?.responses["201"], path).toMatchObject({
        headers: { location: { required: true } },
      });
      expect(create?.responses["409"], path).toBeDefined();
    }
    expect(doc.paths["/api/v1/blog/posts/{slug}/publish"]?.post?.responses["409"]).toBeDefined();
  });
});
