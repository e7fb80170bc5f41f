import * as author from "@/app/api/v1/(blog-api)/blog/authors/[id]/route";
import * as authors from "@/app/api/v1/(blog-api)/blog/authors/route";
import * as comment from "@/app/api/v1/(blog-api)/blog/posts/[slug]/comments/[id]/route";
import * as comments from "@/app/api/v1/(blog-api)/blog/posts/[slug]/comments/route";
import * as publish from "@/app/api/v1/(blog-api)/blog/posts/[slug]/publish/route";
import * as post from "@/app/api/v1/(blog-api)/blog/posts/[slug]/route";
import * as posts from "@/app/api/v1/(blog-api)/blog/posts/route";
import * as stats from "@/app/api/v1/(blog-api)/blog/stats/route";
import * as tags from "@/app/api/v1/(blog-api)/blog/tags/route";
import { type CallOptions, call } from "../harness";

type Module = Record<string, unknown>;

/** Routes a request to the Blog API's handlers by its path, as Next's router would. */
export function blog(path: string, options: CallOptions = {}): Promise<Response> {
  const parts = new URL(path, "http://x").pathname.split("/").slice(4).map(decodeURIComponent);
  const [resource, id, sub, subId] = parts;
  let module: Module;
  let params: Record<string, string> = {};
  if (resource === "authors") {
    module = id === undefined ? authors : author;
    if (id !== undefined) params = { id };
  } else if (resource === "posts") {
    if (id === undefined) module = posts;
    else {
      params = { slug: id };
      if (sub === undefined) module = post;
      else if (sub === "publish") module = publish;
      else if (subId === undefined) module = comments;
      else {
        module = comment;
        params = { slug: id, id: subId };
      }
    }
  } else if (resource === "tags") module = tags;
  else if (resource === "stats") module = stats;
  else throw new Error(`no blog route for ${path}`);
  const handler = module[options.method ?? "GET"] as Parameters<typeof call>[0];
  return call(handler, path, params, options);
}

export type PostSummaryJson = {
  id: number;
  slug: string;
  title: string;
  status: string;
  tags: string[];
  commentCount: number;
  author: { id: number; username: string };
  rank?: number;
  publishedAt: string | null;
  createdAt: string;
};

/** GET /api/v1/blog/posts with this query, its JSON. */
export async function listPosts(key: string, query: Record<string, string> = {}) {
  const res = await blog("/api/v1/blog/posts", { key, query });
  return {
    res,
    body: (await res.clone().json()) as { data: PostSummaryJson[]; nextCursor: string | null },
  };
}

/** The db spans of a response's Server-Timing: one per query the handler ran. */
export function dbSpans(res: Response): string[] {
  return (res.headers.get("server-timing") ?? "")
    .split(/,\s*(?=[a-z][\w-]*;dur=)/)
    .filter((entry) => entry.startsWith("db;"));
}
