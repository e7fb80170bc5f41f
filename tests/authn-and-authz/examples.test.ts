import { describe, expect, it } from "vitest";
import type { Example } from "@/content/examples";
import lesson from "@/content/lessons/authn-and-authz/lesson";
import { toc } from "@/content/lessons/authn-and-authz/page.mdx";
import { newSandboxKey } from "../harness";
import { answerOf, pathOf, replayAll } from "../support/replay-examples";
import { browser } from "./client";

const examples: [string, Example][] = Object.entries(lesson.examples);

describe("the sessions lesson's examples", () => {
  it("answer as the lesson says, in order, in one browser on a fresh sandbox (route handlers in process)", async () => {
    const b = browser(await newSandboxKey());
    const failure = await replayAll(lesson.examples, async (request) =>
      answerOf(
        await b.send(request.method as "GET", pathOf(request), {
          headers: Object.fromEntries(request.headers),
          body: request.body ?? undefined,
        }),
      ),
    );
    expect(failure).toBeNull();
    // The story ends logged out: the last logout cleared the jar.
    expect(b.cookie).toBeUndefined();
  });

  it("never expect a header a page's fetch cannot read (Set-Cookie), so the consoles agree", () => {
    for (const [name, example] of examples)
      expect(
        Object.keys(example.expect.headers ?? {}).map((h) => h.toLowerCase()),
        name,
      ).not.toContain("set-cookie");
  });
});

describe("the sessions lesson's page", () => {
  const ids = toc.map((entry) => entry.id);

  it("has the sections its problem types and its own links point to", () => {
    for (const anchor of Object.values(lesson.explains)) expect(ids).toContain(anchor);
    expect(ids).toEqual(
      expect.arrayContaining(["try-it-now", "the-token-and-its-hash", "a-new-id-at-every-login"]),
    );
  });
});
