import { describe, expect, it } from "vitest";
import { findLesson } from "@/content/lessons";
import { NEW_POST, NEW_SLUG, TAMPERED_CURSOR } from "@/content/lessons/blog-api/examples";
import { newSandboxKey } from "../harness";
import { failingChecks } from "../support/sql-lessons";
import { blog, listPosts } from "./client";

const POSTS = "/api/v1/blog/posts";

describe("Check my work, for the Blog API lesson", () => {
  it("fails every check on a fresh sandbox, and passes each as the exercises are done", async () => {
    const key = await newSandboxKey();
    const all = findLesson("blog-api")?.checks.map((c) => c.id) ?? [];
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(await failingChecks(key, "blog-api")).toEqual(all);

    // Reading the seeded posts, or a post without tags, satisfies nothing yet.
    await listPosts(key);
    await blog(POSTS, { key, method: "POST", body: { ...NEW_POST, tags: [] } });
    expect(await failingChecks(key, "blog-api")).toEqual(all);
    await blog(`${POSTS}/${NEW_SLUG}`, { key, method: "DELETE" });

    const created = await blog(POSTS, { key, method: "POST", body: NEW_POST });
    expect(created.status).toBe(201);
    expect(await failingChecks(key, "blog-api")).not.toContain("created-post-with-tags");

    const first = await listPosts(key, { limit: "2" });
    await listPosts(key, { limit: "2", cursor: first.body.nextCursor ?? "" });
    expect(await failingChecks(key, "blog-api")).not.toContain("followed-cursor");

    await listPosts(key, { limit: "2", cursor: TAMPERED_CURSOR });
    await listPosts(key, { q: "explain" });
    await blog(`${POSTS}/${NEW_SLUG}/publish`, { key, method: "POST" });
    await blog(`${POSTS}/${NEW_SLUG}`, { key });
    expect(await failingChecks(key, "blog-api")).toEqual([]);
  });
});
