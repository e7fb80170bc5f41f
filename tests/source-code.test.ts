import { compile } from "@mdx-js/mdx";
import { describe, expect, it } from "vitest";
import { mdxOptions } from "@/lib/mdx/options";
import { regionOf, remarkSourceCode } from "@/lib/mdx/source-code";

describe("code read from the source at build time", () => {
  const source = [
    "const before = 1;",
    "// #region demo",
    "export function demo() {",
    "  return 42;",
    "}",
    "// #endregion",
    "const after = 2;",
  ].join("\n");

  it("takes a region's lines without the markers", () => {
    expect(regionOf(source, "demo")).toBe("export function demo() {\n  return 42;\n}");
  });

  it("fails loudly when a region is missing", () => {
    expect(() => regionOf(source, "nope", "x.ts")).toThrow('x.ts: no "#region nope"');
  });

  it("fills a fence with file= from the file, titled with its path", async () => {
    const out = String(await compile("```ts file=lib/sandbox/scope.ts\n```\n", mdxOptions));
    expect(out).toContain("ownedBy");
    expect(out).toMatch(/data-rehype-pretty-code-title[\s\S]*lib\/sandbox\/scope\.ts/);
  });

  it("refuses files outside the project", async () => {
    await expect(
      compile("```ts file=../../etc/passwd\n```\n", { remarkPlugins: [remarkSourceCode] }),
    ).rejects.toThrow("outside the project");
  });
});
