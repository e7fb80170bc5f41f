import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { blogAuthor, blogPost } from "@/db/schema/blog-api";
import { BLOG_LIMITS } from "@/lib/blog-api/contract";
import * as api from "@/lib/blog-api/realworld/contract";
import { REALWORLD_ERRORS_TYPE } from "@/lib/blog-api/realworld/http";
import { SEED_POSTS, SEED_TAGS } from "@/lib/blog-api/seed";
import { PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { sandboxTransaction } from "@/lib/sandbox/lock";
import { expectConforms } from "../contract";
import { expectNoInternals } from "../harness";
import { listPosts } from "./client";
import { newBlog, publish, registerUser, rw } from "./realworld-client";

type Article = api.ArticleView;
type Errors = Record<string, string[]>;

/** A RealWorld error: problem+json with this status and RealWorld's `errors` object. */
async function expectErrors(res: Response, status: number): Promise<Errors> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
  expectNoInternals(text);
  const body = JSON.parse(text) as {
    status: number;
    title: string;
    detail: string;
    errors: Errors;
  };
  expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  expect(Array.isArray(body.errors)).toBe(false);
  for (const messages of Object.values(body.errors)) {
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toEqual(expect.any(String));
  }
  return body.errors;
}

const SEEDED = SEED_POSTS.filter((p) => p.status === "published");
const SEEDED_SLUGS = [...SEEDED].reverse().map((p) => p.slug);

const articleOf = async (res: Response) => ((await res.json()) as { article: Article }).article;
const listOf = async (res: Response) =>
  (await res.json()) as { articles: Article[]; articlesCount: number };

describe("RealWorld users: register, log in, read and change yourself", () => {
  it("registers a user (201) and answers it with a token, as RealWorld's shape", async () => {
    const { publicId } = await newBlog();
    const res = await rw(publicId, "POST", "/users", {
      body: { user: { username: "jake", email: "Jake@Example.com", password: "jakejake" } },
    });
    expect(res.status).toBe(201);
    const { user } = await expectConforms(api.register, res);
    expect(user).toEqual({
      email: "jake@example.com",
      token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      username: "jake",
      bio: null,
      image: null,
    });
    const me = await rw(publicId, "GET", "/user", { token: user.token });
    expect(me.status).toBe(200);
    expect((await expectConforms(api.currentUser, me)).user).toMatchObject({ username: "jake" });
  });

  it("refuses a taken email or username, and invalid fields, with 422 naming each field", async () => {
    const { publicId } = await newBlog();
    await registerUser(publicId, "jake");
    const taken = await rw(publicId, "POST", "/users", {
      body: { user: { username: "jake", email: "JAKE@example.com", password: "password-2" } },
    });
    expect(await expectErrors(taken, 422)).toEqual({
      email: ["has already been taken"],
      username: ["has already been taken"],
    });
    const invalid = await rw(publicId, "POST", "/users", {
      body: { user: { username: "", email: "not-an-email", password: "short" } },
    });
    expect(Object.keys(await expectErrors(invalid, 422)).sort()).toEqual([
      "email",
      "password",
      "username",
    ]);
    const missing = await rw(publicId, "POST", "/users", { body: {} });
    expect(Object.keys(await expectErrors(missing, 422))).toEqual(["user"]);
  });

  it("logs in with email and password; a wrong one is 401 with RealWorld's message", async () => {
    const { publicId } = await newBlog();
    await registerUser(publicId, "jake");
    const ok = await rw(publicId, "POST", "/users/login", {
      body: { user: { email: "jake@example.com", password: "password-1" } },
    });
    expect(ok.status).toBe(200);
    expect((await expectConforms(api.login, ok)).user.username).toBe("jake");
    for (const user of [
      { email: "jake@example.com", password: "wrong-password" },
      { email: "nobody@example.com", password: "password-1" },
    ]) {
      const bad = await rw(publicId, "POST", "/users/login", { body: { user } });
      expect(await expectErrors(bad, 401)).toEqual({ "email or password": ["is invalid"] });
    }
  });

  it("answers 401 with a Token challenge without a token, or with a bad one", async () => {
    const { publicId } = await newBlog();
    const none = await rw(publicId, "GET", "/user");
    expect(none.headers.get("www-authenticate")).toMatch(/^Token/);
    expect(await expectErrors(none, 401)).toEqual({ token: ["is missing"] });
    for (const header of ["Token nonsense", "Token a.b.c", "Basic amFrZTpqYWtl"]) {
      const bad = await rw(publicId, "GET", "/user", { headers: { authorization: header } });
      expect(bad.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(await expectErrors(bad, 401)).toEqual({ token: ["is invalid"] });
    }
    // An optional-auth read with a bad token is refused too, never silently anonymous.
    const list = await rw(publicId, "GET", "/articles", { headers: { authorization: "Token x" } });
    await expectErrors(list, 401);
  });

  it("takes Bearer as well as Token", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const res = await rw(publicId, "GET", "/user", {
      headers: { authorization: `Bearer ${jake.token}` },
    });
    expect(res.status).toBe(200);
  });

  it("changes bio, image, email and password; blank fields are what frontends send for none", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const res = await rw(publicId, "PUT", "/user", {
      token: jake.token,
      body: {
        user: {
          email: "jake@conduit.example",
          bio: "I work at statefarm",
          image: "",
          password: "new-password",
          token: jake.token,
        },
      },
    });
    expect(res.status).toBe(200);
    const { user } = await expectConforms(api.updateUser, res);
    expect(user).toMatchObject({
      email: "jake@conduit.example",
      bio: "I work at statefarm",
      image: null,
      username: "jake",
    });
    const relogin = await rw(publicId, "POST", "/users/login", {
      body: { user: { email: "jake@conduit.example", password: "new-password" } },
    });
    expect(relogin.status).toBe(200);
    // An empty password leaves it as it was.
    const blank = await rw(publicId, "PUT", "/user", {
      token: user.token,
      body: { user: { password: "" } },
    });
    expect(blank.status).toBe(200);
    const again = await rw(publicId, "POST", "/users/login", {
      body: { user: { email: "jake@conduit.example", password: "new-password" } },
    });
    expect(again.status).toBe(200);
    await registerUser(publicId, "anna");
    const taken = await rw(publicId, "PUT", "/user", {
      token: jake.token,
      body: { user: { username: "anna" } },
    });
    expect(await expectErrors(taken, 422)).toEqual({ username: ["has already been taken"] });
  });

  it("stores only an argon2id hash of the password", async () => {
    const { publicId, sandboxId } = await newBlog();
    await registerUser(publicId, "jake");
    const db = await getDb();
    const rows = await db
      .select({ hash: blogAuthor.passwordHash })
      .from(blogAuthor)
      .where(and(eq(blogAuthor.sandboxId, sandboxId), eq(blogAuthor.username, "jake")));
    expect(rows).toEqual([{ hash: expect.stringMatching(/^\$argon2id\$/) }]);
  });

  it("refuses a token whose author a reset removed, even when a new author took the id", async () => {
    const { publicId, sandboxId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const db = await getDb();
    const [me] = await db
      .select()
      .from(blogAuthor)
      .where(and(eq(blogAuthor.sandboxId, sandboxId), eq(blogAuthor.username, "jake")));
    if (!me) throw new Error("jake is missing");
    // As if the sandbox were reset and a new author got jake's id: another creation time.
    await db
      .update(blogAuthor)
      .set({ createdAt: new Date(me.createdAt.getTime() + 1000) })
      .where(and(eq(blogAuthor.sandboxId, me.sandboxId), eq(blogAuthor.id, me.id)));
    const res = await rw(publicId, "GET", "/user", { token: jake.token });
    await expectErrors(res, 401);
  });
});

describe("RealWorld articles", () => {
  it("publishes an article (201) with sorted tags, a slug from its title, and the author", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const res = await rw(publicId, "POST", "/articles", {
      token: jake.token,
      body: {
        article: {
          title: "How to train your dragon",
          description: "Ever wonder how?",
          body: "You have to believe",
          tagList: ["training", "dragons", "dragons"],
        },
      },
    });
    expect(res.status).toBe(201);
    const { article } = await expectConforms(api.createArticle, res);
    expect(article).toEqual({
      slug: "how-to-train-your-dragon",
      title: "How to train your dragon",
      description: "Ever wonder how?",
      body: "You have to believe",
      tagList: ["dragons", "training"],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updatedAt: article.createdAt,
      favorited: false,
      favoritesCount: 0,
      author: { username: "jake", bio: null, image: null, following: false },
    });
    const again = await publish(publicId, jake.token, { title: "How to train your dragon" });
    expect(again.slug).toBe("how-to-train-your-dragon-2");
    const feed = await publish(publicId, jake.token, { title: "Feed!" });
    expect(feed.slug).toBe("feed-2");
    const shown = await rw(publicId, "GET", `/articles/${article.slug}`);
    expect((await expectConforms(api.getArticle, shown)).article).toEqual(article);
  });

  it("refuses an article without a title or body, and without a token", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const res = await rw(publicId, "POST", "/articles", {
      token: jake.token,
      body: { article: { title: " ", description: "d", body: "" } },
    });
    expect(await expectErrors(res, 422)).toEqual({
      title: ["can't be blank"],
      body: ["can't be blank"],
    });
    const anonymous = await rw(publicId, "POST", "/articles", {
      body: { article: { title: "t", description: "d", body: "b" } },
    });
    await expectErrors(anonymous, 401);
  });

  it("lists newest first, filters by tag, author and favoriter, and pages with limit and offset", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const anna = await registerUser(publicId, "anna");
    await publish(publicId, jake.token, { title: "One", tagList: ["dragons"] });
    await publish(publicId, anna.token, { title: "Two", tagList: ["dragons", "cats"] });
    await publish(publicId, jake.token, { title: "Three" });
    await rw(publicId, "POST", "/articles/two/favorite", { token: jake.token });

    const slugs = async (query: string) => {
      const res = await rw(publicId, "GET", `/articles${query}`);
      const body = await expectConforms(api.listArticles, res);
      return { slugs: body.articles.map((a) => a.slug), count: body.articlesCount };
    };
    // The seeded blog's published posts (older) follow the new articles.
    expect(await slugs("?limit=100")).toEqual({
      slugs: ["three", "two", "one", ...SEEDED_SLUGS],
      count: 3 + SEEDED.length,
    });
    expect(await slugs("?tag=dragons")).toEqual({ slugs: ["two", "one"], count: 2 });
    expect(await slugs("?author=jake")).toEqual({ slugs: ["three", "one"], count: 2 });
    expect(await slugs("?favorited=jake")).toEqual({ slugs: ["two"], count: 1 });
    expect(await slugs("?tag=dragons&author=anna")).toEqual({ slugs: ["two"], count: 1 });
    expect(await slugs("?limit=1&offset=1")).toEqual({ slugs: ["two"], count: 3 + SEEDED.length });
    expect(await slugs("?author=jake&offset=2")).toEqual({ slugs: [], count: 2 });
    expect(await slugs("?author=jake&limit=1")).toEqual({ slugs: ["three"], count: 2 });
    expect(await slugs("?author=nobody")).toEqual({ slugs: [], count: 0 });
    const bad = await rw(publicId, "GET", "/articles?limit=0&offset=-1");
    expect(Object.keys(await expectErrors(bad, 422)).sort()).toEqual(["limit", "offset"]);
  });

  it("lets only the author change or delete an article (403 for anyone else, 404 once gone)", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const anna = await registerUser(publicId, "anna");
    const { slug } = await publish(publicId, jake.token, { title: "Mine", tagList: ["a"] });

    const theirs = await rw(publicId, "PUT", `/articles/${slug}`, {
      token: anna.token,
      body: { article: { body: "Hijacked" } },
    });
    expect(await expectErrors(theirs, 403)).toEqual({ article: ["is not yours"] });
    const theirDelete = await rw(publicId, "DELETE", `/articles/${slug}`, { token: anna.token });
    await expectErrors(theirDelete, 403);

    const body = await rw(publicId, "PUT", `/articles/${slug}`, {
      token: jake.token,
      body: { article: { body: "With two hands" } },
    });
    expect(body.status).toBe(200);
    const changed = await articleOf(body);
    expect(changed).toMatchObject({ slug: "mine", body: "With two hands", tagList: ["a"] });
    expect(Date.parse(changed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(changed.createdAt));

    const retitled = await rw(publicId, "PUT", `/articles/${slug}`, {
      token: jake.token,
      body: { article: { title: "Mine, renamed", tagList: ["b", "a"] } },
    });
    expect(await articleOf(retitled)).toMatchObject({ slug: "mine-renamed", tagList: ["a", "b"] });
    expect((await rw(publicId, "GET", "/articles/mine")).status).toBe(404);

    const gone = await rw(publicId, "DELETE", "/articles/mine-renamed", { token: jake.token });
    expect(gone.status).toBe(204);
    expect(await gone.text()).toBe("");
    expect(await expectErrors(await rw(publicId, "GET", "/articles/mine-renamed"), 404)).toEqual({
      article: ["not found"],
    });
  });

  it("favorites and unfavorites: favorited and favoritesCount follow the viewer", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const anna = await registerUser(publicId, "anna");
    const { slug } = await publish(publicId, jake.token, { title: "Liked" });
    const fav = await rw(publicId, "POST", `/articles/${slug}/favorite`, { token: anna.token });
    expect(fav.status).toBe(200);
    expect(await articleOf(fav)).toMatchObject({ favorited: true, favoritesCount: 1 });
    // Twice is still once.
    await rw(publicId, "POST", `/articles/${slug}/favorite`, { token: anna.token });
    expect(await articleOf(await rw(publicId, "GET", `/articles/${slug}`))).toMatchObject({
      favorited: false,
      favoritesCount: 1,
    });
    const asJake = await rw(publicId, "GET", `/articles/${slug}`, { token: jake.token });
    expect(await articleOf(asJake)).toMatchObject({ favorited: false, favoritesCount: 1 });
    const unfav = await rw(publicId, "DELETE", `/articles/${slug}/favorite`, { token: anna.token });
    expect(await articleOf(unfav)).toMatchObject({ favorited: false, favoritesCount: 0 });
    const missing = await rw(publicId, "POST", "/articles/nope/favorite", { token: anna.token });
    await expectErrors(missing, 404);
  });

  it("never shows drafts: not listed, not readable, their tags not in /tags", async () => {
    const { publicId, sandboxId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    await publish(publicId, jake.token, { title: "Public", tagList: ["open"] });
    const db = await getDb();
    const [author] = await db
      .select()
      .from(blogAuthor)
      .where(and(eq(blogAuthor.sandboxId, sandboxId), eq(blogAuthor.username, "jake")));
    if (!author) throw new Error("no jake");
    // A draft written by the Blog API, straight into the table.
    await sandboxTransaction(author.sandboxId, (tx) =>
      tx.insert(blogPost).values({
        id: 999,
        sandboxId: author.sandboxId,
        authorId: author.id,
        slug: "secret-draft",
        title: "Secret",
        body: "Not yet",
      }),
    );
    const list = await listOf(await rw(publicId, "GET", "/articles?limit=100"));
    expect(list.articles.map((a) => a.slug)).toEqual(["public", ...SEEDED_SLUGS]);
    expect(list.articlesCount).toBe(1 + SEEDED.length);
    const mine = await listOf(await rw(publicId, "GET", "/articles?author=jake"));
    expect(mine.articles.map((a) => a.slug)).toEqual(["public"]);
    await expectErrors(await rw(publicId, "GET", "/articles/secret-draft"), 404);
    for (const draft of SEED_POSTS.filter((p) => p.status === "draft"))
      await expectErrors(await rw(publicId, "GET", `/articles/${draft.slug}`), 404);
    const comment = await rw(publicId, "POST", "/articles/secret-draft/comments", {
      token: jake.token,
      body: { comment: { body: "hi" } },
    });
    await expectErrors(comment, 404);
    const tags = await expectConforms(api.listTags, await rw(publicId, "GET", "/tags"));
    const published = new Set(SEEDED.flatMap((p) => p.tags));
    const expected = SEED_TAGS.filter((t) => published.has(t.id)).map((t) => t.name);
    expect([...tags.tags].sort()).toEqual([...expected, "open"].sort());
  });
});

describe("RealWorld profiles, follows and the feed", () => {
  it("follows and unfollows; the feed has the followed authors' articles only", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const anna = await registerUser(publicId, "anna");
    await registerUser(publicId, "bob");
    await publish(publicId, anna.token, { title: "By Anna" });
    await publish(publicId, jake.token, { title: "By Jake" });

    const profile = await rw(publicId, "GET", "/profiles/anna", { token: jake.token });
    expect((await expectConforms(api.getProfile, profile)).profile).toEqual({
      username: "anna",
      bio: null,
      image: null,
      following: false,
    });
    const empty = await rw(publicId, "GET", "/articles/feed", { token: jake.token });
    expect(await expectConforms(api.feed, empty)).toEqual({ articles: [], articlesCount: 0 });

    const follow = await rw(publicId, "POST", "/profiles/anna/follow", {
      token: jake.token,
      body: { user: { email: "jake@example.com" } },
    });
    expect(follow.status).toBe(200);
    expect((await expectConforms(api.follow, follow)).profile.following).toBe(true);
    const feed = await listOf(await rw(publicId, "GET", "/articles/feed", { token: jake.token }));
    expect(feed.articles.map((a) => [a.slug, a.author.following])).toEqual([["by-anna", true]]);
    expect(feed.articlesCount).toBe(1);
    // Following shows in lists too, for this viewer only.
    const asJake = await listOf(
      await rw(publicId, "GET", "/articles?author=anna", { token: jake.token }),
    );
    expect(asJake.articles[0]?.author.following).toBe(true);
    const anonymous = await listOf(await rw(publicId, "GET", "/articles?author=anna"));
    expect(anonymous.articles[0]?.author.following).toBe(false);

    const unfollow = await rw(publicId, "DELETE", "/profiles/anna/follow", { token: jake.token });
    expect((await expectConforms(api.unfollow, unfollow)).profile.following).toBe(false);
    const after = await listOf(await rw(publicId, "GET", "/articles/feed", { token: jake.token }));
    expect(after.articlesCount).toBe(0);

    await expectErrors(await rw(publicId, "GET", "/articles/feed"), 401);
    await expectErrors(await rw(publicId, "POST", "/profiles/anna/follow"), 401);
    await expectErrors(await rw(publicId, "GET", "/profiles/nobody"), 404);
    const self = await rw(publicId, "POST", "/profiles/jake/follow", { token: jake.token });
    expect(await expectErrors(self, 422)).toEqual({ profile: ["cannot be followed by itself"] });
  });
});

describe("RealWorld comments", () => {
  it("adds, lists (to anyone, oldest first) and deletes comments; only their author may delete", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const anna = await registerUser(publicId, "anna");
    const { slug } = await publish(publicId, jake.token, { title: "Talk" });
    const first = await rw(publicId, "POST", `/articles/${slug}/comments`, {
      token: anna.token,
      body: { comment: { body: "Thank you so much!" } },
    });
    expect(first.status).toBe(200);
    const { comment } = await expectConforms(api.addComment, first);
    expect(comment).toEqual({
      id: expect.any(Number),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      body: "Thank you so much!",
      author: { username: "anna", bio: null, image: null, following: false },
    });
    await rw(publicId, "POST", `/articles/${slug}/comments`, {
      token: jake.token,
      body: { comment: { body: "You're welcome" } },
    });
    const list = await rw(publicId, "GET", `/articles/${slug}/comments`);
    const { comments } = await expectConforms(api.listComments, list);
    expect(comments.map((c) => c.body)).toEqual(["Thank you so much!", "You're welcome"]);

    const blank = await rw(publicId, "POST", `/articles/${slug}/comments`, {
      token: anna.token,
      body: { comment: { body: "" } },
    });
    expect(await expectErrors(blank, 422)).toEqual({ body: ["can't be blank"] });

    const theirs = await rw(publicId, "DELETE", `/articles/${slug}/comments/${comment.id}`, {
      token: jake.token,
    });
    expect(await expectErrors(theirs, 403)).toEqual({ comment: ["is not yours"] });
    const mine = await rw(publicId, "DELETE", `/articles/${slug}/comments/${comment.id}`, {
      token: anna.token,
    });
    expect(mine.status).toBe(204);
    const again = await rw(publicId, "DELETE", `/articles/${slug}/comments/${comment.id}`, {
      token: anna.token,
    });
    expect(await expectErrors(again, 404)).toEqual({ comment: ["not found"] });
    const badId = await rw(publicId, "DELETE", `/articles/${slug}/comments/abc`, {
      token: anna.token,
    });
    expect(Object.keys(await expectErrors(badId, 422))).toEqual(["id"]);
  });

  it("deleting an article deletes its comments and favorites", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const { slug } = await publish(publicId, jake.token, { title: "Short-lived", tagList: ["x"] });
    await rw(publicId, "POST", `/articles/${slug}/comments`, {
      token: jake.token,
      body: { comment: { body: "first" } },
    });
    await rw(publicId, "POST", `/articles/${slug}/favorite`, { token: jake.token });
    expect((await rw(publicId, "DELETE", `/articles/${slug}`, { token: jake.token })).status).toBe(
      204,
    );
    await expectErrors(await rw(publicId, "GET", `/articles/${slug}/comments`), 404);
    expect(
      (await listOf(await rw(publicId, "GET", "/articles?favorited=jake"))).articlesCount,
    ).toBe(0);
    const { tags } = (await (await rw(publicId, "GET", "/tags")).json()) as { tags: string[] };
    expect(tags).not.toContain("x");
  });
});

describe("one blog, two APIs", () => {
  it("a RealWorld article is a published post of the Blog API, and the seeded posts are RealWorld articles", async () => {
    const { publicId, key } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    await publish(publicId, jake.token, { title: "Hello from Conduit", tagList: ["conduit"] });
    const { body } = await listPosts(key, { author: "jake" });
    expect(body.data.map((p) => [p.slug, p.status, p.tags])).toEqual([
      ["hello-from-conduit", "published", ["conduit"]],
    ]);
    const seeded = SEEDED[0];
    if (!seeded) throw new Error("no seeded post");
    const res = await rw(publicId, "GET", `/articles/${seeded.slug}`);
    expect(res.status).toBe(200);
    expect((await articleOf(res)).title).toBe(seeded.title);
    // Seeded authors have no password: they are profiles, never logins.
    const profile = await rw(publicId, "GET", "/profiles/maya");
    expect(profile.status).toBe(200);
  });
});

describe("RealWorld login attempts", () => {
  it("are limited per email (429 with Retry-After), before any password is checked", async () => {
    const { publicId } = await newBlog();
    await registerUser(publicId, "jake");
    const attempt = () =>
      rw(publicId, "POST", "/users/login", {
        headers: { "x-forwarded-for": "10.9.8.7" },
        body: { user: { email: "jake@example.com", password: "wrong-password" } },
      });
    // LOGIN_ACCOUNT_LIMIT: 10 per 15 minutes by default.
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(Object.keys(await expectErrors(refused, 429))).toEqual(["body"]);
  });
});

describe("RealWorld input the blog's own rules would refuse", () => {
  it("stores free-text tags as the blog's tags (lower-case words joined by hyphens)", async () => {
    const { publicId, key } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const res = await rw(publicId, "POST", "/articles", {
      token: jake.token,
      body: {
        article: {
          title: "Tags",
          description: "",
          body: "b",
          tagList: ["Node JS", "node-js", "  Café  ", "C++"],
        },
      },
    });
    expect((await articleOf(res)).tagList).toEqual(["c", "cafe", "node-js"]);
    // The Blog API's tag filter finds it by the same name.
    const { body } = await listPosts(key, { tag: "node-js" });
    expect(body.data.map((p) => p.slug)).toEqual(["tags"]);
    const bad = await rw(publicId, "POST", "/articles", {
      token: jake.token,
      body: { article: { title: "t", description: "", body: "b", tagList: ["+++"] } },
    });
    expect(await expectErrors(bad, 422)).toEqual({ "tagList.0": ["needs a letter or a digit"] });
  });

  it("refuses NUL characters, which Postgres text cannot hold, as 422 rather than a 500", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const res = await rw(publicId, "POST", "/articles", {
      token: jake.token,
      body: { article: { title: "a\u0000b", description: "d\u0000", body: "b" } },
    });
    expect(Object.keys(await expectErrors(res, 422)).sort()).toEqual(["description", "title"]);
    const bio = await rw(publicId, "PUT", "/user", {
      token: jake.token,
      body: { user: { bio: "\u0000" } },
    });
    expect(Object.keys(await expectErrors(bio, 422))).toEqual(["bio"]);
  });

  it("makes slugs the Blog API can address: at most 80 characters, suffix included", async () => {
    const { publicId, key } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const title = "A very long title ".repeat(10);
    const first = await publish(publicId, jake.token, { title });
    const second = await publish(publicId, jake.token, { title });
    expect(first.slug.length).toBeLessThanOrEqual(80);
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(second.slug.length).toBeLessThanOrEqual(80);
    const { blog } = await import("./client");
    const read = await blog(`/api/v1/blog/posts/${second.slug}`, { key });
    expect(read.status).toBe(200);
  });
});

describe("RealWorld errors, lists, tags and the blog's caps", () => {
  it("gives invalid fields (422) a type of its own whose errors is an object", async () => {
    const { publicId } = await newBlog();
    const res = await rw(publicId, "POST", "/users", { body: { user: { email: "x" } } });
    const body = (await res.clone().json()) as { type: string };
    await expectErrors(res, 422);
    expect(body.type).toMatch(/\/learn\/blog-api#realworld-errors$/);
    // Other kinds keep the site's types: a 404 is not a RealWorld validation problem.
    const missing = await rw(publicId, "GET", "/articles/no-such-article");
    const notFound = (await missing.clone().json()) as { type: string };
    await expectErrors(missing, 404);
    expect(notFound.type).not.toContain("realworld-errors");
  });

  it("explains that type in a heading of the lesson's RealWorld section", async () => {
    const { toc } = await import("@/content/lessons/blog-api/page.mdx");
    const [page, anchor] = REALWORLD_ERRORS_TYPE.split("#");
    expect(page).toBe("/learn/blog-api");
    expect(toc.map((entry) => entry.id)).toContain(anchor);
  }, 120_000);

  it("leaves body out of list items, and keeps it in a single article", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const { slug } = await publish(publicId, jake.token, { title: "Bodies", body: "Full text" });
    await rw(publicId, "POST", "/profiles/jake/follow", { token: jake.token });
    const list = await expectConforms(
      api.listArticles,
      await rw(publicId, "GET", "/articles?author=jake"),
    );
    expect(list.articles.map((a) => a.slug)).toEqual([slug]);
    for (const article of list.articles) expect(article).not.toHaveProperty("body");
    const all = await expectConforms(api.listArticles, await rw(publicId, "GET", "/articles"));
    for (const article of all.articles) expect(article).not.toHaveProperty("body");
    const one = await articleOf(await rw(publicId, "GET", `/articles/${slug}`));
    expect(one.body).toBe("Full text");
  });

  it("normalises the tag filter as it normalises tags", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const { slug } = await publish(publicId, jake.token, {
      title: "Angular",
      tagList: ["AngularJS", "Node JS"],
    });
    expect((await articleOf(await rw(publicId, "GET", `/articles/${slug}`))).tagList).toEqual([
      "angularjs",
      "node-js",
    ]);
    for (const tag of ["AngularJS", "angularjs", "Node%20JS", "node-js"]) {
      const list = await listOf(await rw(publicId, "GET", `/articles?tag=${tag}`));
      expect({ tag, slugs: list.articles.map((a) => a.slug) }).toEqual({ tag, slugs: [slug] });
    }
    const none = await listOf(await rw(publicId, "GET", "/articles?tag=Angular"));
    expect(none.articlesCount).toBe(0);
  });

  it("keeps the blog's caps: 409 past BLOG_LIMITS for users, articles and comments", async () => {
    const { publicId, sandboxId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    const { slug } = await publish(publicId, jake.token, { title: "Full house" });
    const db = await getDb();
    await db.execute(sql`
      insert into blog_author (sandbox_id, id, username)
      select ${sandboxId}::uuid, 10000 + n, 'filler-' || n
      from generate_series(1, ${BLOG_LIMITS.authors} - (select count(*) from blog_author where sandbox_id = ${sandboxId}::uuid)) as n`);
    await db.execute(sql`
      insert into blog_post (sandbox_id, id, author_id, slug, title, body)
      select ${sandboxId}::uuid, 10000 + n, 1, 'filler-' || n, 'Filler ' || n, 'x'
      from generate_series(1, ${BLOG_LIMITS.posts} - (select count(*) from blog_post where sandbox_id = ${sandboxId}::uuid)) as n`);
    await db.execute(sql`
      insert into blog_comment (sandbox_id, id, post_id, author_id, body)
      select ${sandboxId}::uuid, 100000 + n, 1, 1, 'filler'
      from generate_series(1, ${BLOG_LIMITS.comments} - (select count(*) from blog_comment where sandbox_id = ${sandboxId}::uuid)) as n`);

    const user = await rw(publicId, "POST", "/users", {
      body: { user: { username: "anna", email: "anna@example.com", password: "password-1" } },
    });
    expect((await expectErrors(user, 409)).body?.[0]).toContain(`${BLOG_LIMITS.authors} authors`);
    const article = await rw(publicId, "POST", "/articles", {
      token: jake.token,
      body: { article: { title: "One too many", description: "", body: "x" } },
    });
    expect((await expectErrors(article, 409)).body?.[0]).toContain(`${BLOG_LIMITS.posts} posts`);
    const comment = await rw(publicId, "POST", `/articles/${slug}/comments`, {
      token: jake.token,
      body: { comment: { body: "One too many" } },
    });
    expect((await expectErrors(comment, 409)).body?.[0]).toContain(
      `${BLOG_LIMITS.comments} comments`,
    );
    // Reads still work at the cap.
    expect((await rw(publicId, "GET", "/articles?author=jake")).status).toBe(200);
  });
});
