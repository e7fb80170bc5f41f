import { describe, expect, it } from "vitest";
import { problemLink } from "@/components/console/problem-link";

describe("problemLink: the console's Why this happens link stays on the page's origin", () => {
  const page = "http://127.0.0.1:3917";

  it("a type on this origin becomes a relative link", () => {
    expect(problemLink(`${page}/learn/todo-api#422-unprocessable-content`, page)).toBe(
      "/learn/todo-api#422-unprocessable-content",
    );
  });

  it("a lesson page on another name for this site becomes a relative link too", () => {
    expect(problemLink("http://localhost:3917/learn/http-and-rest#400-bad-request", page)).toBe(
      "/learn/http-and-rest#400-bad-request",
    );
  });

  it("a relative type stays relative", () => {
    expect(problemLink("/learn/http-and-rest#methods", page)).toBe("/learn/http-and-rest#methods");
  });

  it("another site's documentation keeps its own address", () => {
    expect(problemLink("https://docs.example/problems/limit", page)).toBe(
      "https://docs.example/problems/limit",
    );
  });

  it.each(["about:blank", "javascript:alert(1)", undefined, 42])("no link for %j", (type) => {
    expect(problemLink(type, page)).toBeUndefined();
  });
});
