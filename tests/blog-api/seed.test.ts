import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { SEED_COMMENTS, SEED_POSTS } from "@/lib/blog-api/seed";
import { createSandbox } from "@/lib/sandbox/lifecycle";

async function rows<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await (await getDb()).execute(statement);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

describe("the seeded blog", () => {
  it("gives every sandbox 3 authors, 8 posts (2 drafts), 6 tags and 8 comments, and their id counters", async () => {
    const { id } = await createSandbox();
    const [counts] = await rows<Record<string, number>>(sql`
      select
        (select count(*)::int from blog_author where sandbox_id = ${id}) as authors,
        (select count(*)::int from blog_post where sandbox_id = ${id}) as posts,
        (select count(*)::int from blog_post where sandbox_id = ${id} and status = 'draft') as drafts,
        (select count(*)::int from blog_tag where sandbox_id = ${id}) as tags,
        (select count(*)::int from blog_post_tag where sandbox_id = ${id}) as post_tags,
        (select count(*)::int from blog_comment where sandbox_id = ${id}) as comments`);
    expect(counts).toEqual({
      authors: 3,
      posts: 8,
      drafts: 2,
      tags: 6,
      post_tags: SEED_POSTS.flatMap((p) => p.tags).length,
      comments: SEED_COMMENTS.length,
    });
    const counters = await rows<{ name: string; value: number }>(sql`
      select name, value from sandbox_counter
      where sandbox_id = ${id} and name like 'blog_%' order by name`);
    expect(counters).toEqual([
      { name: "blog_author", value: 3 },
      { name: "blog_comment", value: 8 },
      { name: "blog_post", value: 8 },
      { name: "blog_tag", value: 6 },
    ]);
  });
});
