import { compile } from "@mdx-js/mdx";
import { describe, expect, it } from "vitest";
import { remarkConsoleHeadingLevel } from "@/components/console/remark-heading-level";

async function levels(mdx: string): Promise<number[]> {
  const code = String(await compile(mdx, { remarkPlugins: [remarkConsoleHeadingLevel] }));
  return [...code.matchAll(/headingLevel: (\d)/g)].map((m) => Number(m[1]));
}

describe("remarkConsoleHeadingLevel", () => {
  it("puts each console one level below the heading it sits under", async () => {
    const mdx = [
      'Intro <Console path="/a" />',
      '<Console path="/top" />',
      "## Section",
      "<Console {...examples.one} />",
      "### Sub-section",
      "<Console {...examples.two} />",
      "###### Deepest",
      '<Console path="/deep" />',
      "## Next section",
      '<Console path="/b" />',
    ].join("\n\n");
    expect(await levels(mdx)).toEqual([2, 2, 3, 4, 6, 3]);
  });

  it("keeps a level written in the lesson", async () => {
    expect(await levels('## A\n\n<Console path="/a" headingLevel={5} />')).toEqual([5]);
  });

  it("leaves other components alone", async () => {
    expect(await levels('## A\n\n<ExampleResponse path="/a" />')).toEqual([]);
  });
});
