import { GET as showSandbox } from "@/app/api/sandbox/route";
import * as comment from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/articles/[slug]/comments/[id]/route";
import * as comments from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/articles/[slug]/comments/route";
import * as favorite from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/articles/[slug]/favorite/route";
import * as article from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/articles/[slug]/route";
import * as feed from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/articles/feed/route";
import * as articles from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/articles/route";
import * as follow from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/profiles/[username]/follow/route";
import * as profile from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/profiles/[username]/route";
import * as tags from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/tags/route";
import * as user from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/user/route";
import * as login from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/users/login/route";
import * as users from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/users/route";
import type { Answer } from "@/components/console/expect";
import type { PreparedRequest } from "@/components/console/request";
import { type CallOptions, call, newSandboxKey } from "../harness";
import { answerOf } from "../support/replay-examples";

/** The RealWorld routes, by the path after `/api`, most specific first. */
const ROUTES: [RegExp, Record<string, unknown>, string[]][] = [
  [/^\/users\/login$/, login, []],
  [/^\/users$/, users, []],
  [/^\/user$/, user, []],
  [/^\/profiles\/([^/]+)\/follow$/, follow, ["username"]],
  [/^\/profiles\/([^/]+)$/, profile, ["username"]],
  [/^\/articles\/feed$/, feed, []],
  [/^\/articles\/([^/]+)\/comments\/([^/]+)$/, comment, ["slug", "id"]],
  [/^\/articles\/([^/]+)\/comments$/, comments, ["slug"]],
  [/^\/articles\/([^/]+)\/favorite$/, favorite, ["slug"]],
  [/^\/articles\/([^/]+)$/, article, ["slug"]],
  [/^\/articles$/, articles, []],
  [/^\/tags$/, tags, []],
];

type Handler = Parameters<typeof call>[0];

/**
 * Calls the RealWorld API of the blog with `publicId` in-process, as a client at
 * `/api/v1/realworld/{publicId}/api{path}` would, with `token` as `Authorization: Token`.
 */
export function rw(
  publicId: string,
  method: string,
  path: string,
  options: CallOptions & { token?: string } = {},
): Promise<Response> {
  const [pathname = "", search] = path.split("?");
  for (const [pattern, mod, names] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = { publicId };
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? "");
    });
    const handler = mod[method] as Handler | undefined;
    if (!handler) throw new Error(`no ${method} export for ${pathname}`);
    const headers = { ...options.headers };
    if (options.token) headers.authorization = `Token ${options.token}`;
    const query = { ...Object.fromEntries(new URLSearchParams(search)), ...options.query };
    return call(handler, `/api/v1/realworld/${publicId}/api${pathname}`, params, {
      ...options,
      method,
      headers,
      query,
    });
  }
  throw new Error(`no RealWorld route for ${pathname}`);
}

export type Blog = { key: string; sandboxId: string; publicId: string; baseUrl: string };

/** A fresh sandbox and its blog's public id, read from GET /api/sandbox as a learner would. */
export async function newBlog(): Promise<Blog> {
  return blogOf(await newSandboxKey());
}

/** The blog of the sandbox with this key, its public id read from GET /api/sandbox. */
export async function blogOf(key: string): Promise<Blog> {
  const res = await call(showSandbox, "/api/sandbox", {}, { key });
  const body = (await res.json()) as { id: string; realworldBaseUrl: string };
  const publicId = /\/realworld\/(rw_[a-z2-7]{20})\/api$/.exec(body.realworldBaseUrl)?.[1];
  if (!publicId) throw new Error(`no public id in ${body.realworldBaseUrl}`);
  return { key, sandboxId: body.id, publicId, baseUrl: body.realworldBaseUrl };
}

type User = {
  email: string;
  token: string;
  username: string;
  bio: string | null;
  image: string | null;
};

/** Registers `name` (email `name@example.com`, password `password-1`) and answers the user. */
export async function registerUser(publicId: string, name: string): Promise<User> {
  const res = await rw(publicId, "POST", "/users", {
    body: { user: { username: name, email: `${name}@example.com`, password: "password-1" } },
  });
  if (res.status !== 201) throw new Error(`register ${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { user: User }).user;
}

export async function publish(
  publicId: string,
  token: string,
  article: { title: string; description?: string; body?: string; tagList?: string[] },
): Promise<{ slug: string }> {
  const res = await rw(publicId, "POST", "/articles", {
    token,
    body: { article: { description: "", body: "Body.", ...article } },
  });
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { article: { slug: string } }).article;
}

/**
 * For example replays: answers the requests of the RealWorld section (GET /api/sandbox for the
 * public id, then the RealWorld API) in the sandbox with this key; undefined for any other path.
 */
export function realworldSend(key: string) {
  return async (request: PreparedRequest): Promise<Answer | undefined> => {
    const url = new URL(request.url, "http://replay.invalid");
    const options = {
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: request.body ?? undefined,
    };
    if (url.pathname === "/api/sandbox")
      return answerOf(await call(showSandbox, url.pathname, {}, { ...options, key }));
    const match = /^\/api\/v1\/realworld\/([^/]+)\/api(\/.*)$/.exec(url.pathname);
    if (!match) return undefined;
    return answerOf(await rw(match[1] ?? "", request.method, `${match[2]}${url.search}`, options));
  };
}
