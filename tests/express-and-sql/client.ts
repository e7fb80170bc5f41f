import { asc, eq } from "drizzle-orm";
import { GET } from "@/app/api/v1/(express-and-sql)/injection/posts/route";
import { getDb } from "@/db";
import { blogPost } from "@/db/schema/blog-api";
import { sandbox } from "@/db/schema/sandboxes";
import type { SearchView } from "@/lib/express-and-sql/contract";
import { hashSandboxKey } from "@/lib/sandbox/keys";
import { ownedBy } from "@/lib/sandbox/scope";
import { type CallOptions, call } from "../harness";

export const SEARCH_PATH = "/api/v1/injection/posts";

/** GET /api/v1/injection/posts with this query, as this sandbox. */
export function search(
  key: string | undefined,
  query: Record<string, string>,
  options: Omit<CallOptions, "key" | "query"> = {},
): Promise<Response> {
  return call(GET, SEARCH_PATH, {}, { ...options, key, query });
}

/** A search that must answer 200: its body. */
export async function searched(key: string, title: string, mode: string): Promise<SearchView> {
  const res = await search(key, { title, mode });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${res.status}: ${text}`);
  return JSON.parse(text) as SearchView;
}

/** The id of the sandbox a key opens (tests reach the database directly). */
export async function sandboxIdOf(key: string): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ id: sandbox.id })
    .from(sandbox)
    .where(eq(sandbox.keyHash, hashSandboxKey(key)));
  if (!row) throw new Error("no such sandbox");
  return row.id;
}

/** Every column of a sandbox's posts, by id: what "nothing changed" compares. */
export async function postsOf(sandboxId: string) {
  const db = await getDb();
  return db.select().from(blogPost).where(ownedBy(blogPost, sandboxId)).orderBy(asc(blogPost.id));
}
