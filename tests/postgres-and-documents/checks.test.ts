import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/progress/[slug]/check/route";
import { findLesson } from "@/content/lessons";
import { checkWork } from "@/lib/progress/contract";
import { expectConforms } from "../contract";
import { call, newSandboxKey } from "../harness";
import { documents, find, insert } from "./client";

async function failing(key: string) {
  const res = await call(
    checkRoute,
    "/api/progress/postgres-and-documents/check",
    { slug: "postgres-and-documents" },
    { method: "POST", key },
  );
  expect(res.status).toBe(200);
  return (await expectConforms(checkWork, res)).checks.filter((c) => !c.passed).map((c) => c.id);
}

describe("the documents lesson's checks", () => {
  it("all fail on a fresh sandbox, and after only the lesson's own examples on books", async () => {
    const key = await newSandboxKey();
    const all = findLesson("postgres-and-documents")?.checks.map((c) => c.id);
    expect(await failing(key)).toEqual(all);
    await find(key, "books", { filter: { year: { $gt: 2000 } } });
    // A find on the seeded books is the lesson's example, not work on your own collection.
    expect(await failing(key)).toEqual(all);
  });

  it("pass after the exercises, one by one", async () => {
    const key = await newSandboxKey();
    await insert(key, "games", { title: "A" });
    await insert(key, "games", { title: "B" });
    expect(await failing(key)).toContain("own-collection");
    const third = await insert(key, "games", {
      title: "C",
      studio: { name: "S" },
      platforms: ["pc"],
    });
    const { _id } = (await third.json()) as { _id: string };
    expect(await failing(key)).not.toContain("own-collection");

    await find(key, "games", { filter: { platforms: { $in: ["pc"] } } });
    expect(await failing(key)).not.toContain("found-in-own");

    await find(key, "games", { filter: { title: { $regex: "A" } } });
    expect(await failing(key)).not.toContain("saw-422");

    expect(await failing(key)).toContain("merge-patched");
    const res = await documents(`/api/v1/documents/games/${_id}`, {
      key,
      method: "PATCH",
      headers: { "content-type": "application/merge-patch+json" },
      body: { title: null, year: 2020 },
    });
    expect(res.status).toBe(200);
    expect(await failing(key)).toEqual([]);
  });
});
