import { describe, expect, it } from "vitest";
import { GET as readLog } from "@/app/api/sandbox/log/route";
import { PUT as switchRealworld } from "@/app/api/sandbox/realworld/route";
import { POST as createSandbox, GET as showSandbox } from "@/app/api/sandbox/route";
import {
  GET as listTags,
  OPTIONS as tagsOptions,
} from "@/app/api/v1/(blog-api)/realworld/[publicId]/api/tags/route";
import * as api from "@/lib/blog-api/realworld/contract";
import { newPublicId, PUBLIC_ID } from "@/lib/blog-api/realworld/site";
import { PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { SANDBOX_COOKIE } from "@/lib/sandbox/keys";
import { expectConforms } from "../contract";
import { call, expectNoInternals, ORIGIN, randomAddress } from "../harness";
import { newBlog, publish, registerUser, rw } from "./realworld-client";

const turn = (key: string, enabled: boolean, headers: Record<string, string> = {}) =>
  call(
    switchRealworld,
    "/api/sandbox/realworld",
    {},
    {
      method: "PUT",
      key,
      headers,
      body: { enabled },
    },
  );

describe("the blog's public id and base URL", () => {
  it("GET /api/sandbox shows the absolute RealWorld base URL, the same on every read, switched on", async () => {
    const { key, publicId, baseUrl } = await newBlog();
    expect(publicId).toMatch(PUBLIC_ID);
    expect(baseUrl).toBe(`${ORIGIN}/api/v1/realworld/${publicId}/api`);
    const again = await call(showSandbox, "/api/sandbox", {}, { key });
    expect(await again.json()).toMatchObject({ realworldBaseUrl: baseUrl, realworldEnabled: true });
    // POST /api/sandbox with the key answers the same sandbox, with the same address.
    const post = await call(createSandbox, "/api/sandbox", {}, { method: "POST", key });
    expect(await post.json()).toMatchObject({ realworldBaseUrl: baseUrl, realworldEnabled: true });
  });

  it("a new sandbox's POST answers its base URL at once", async () => {
    const res = await call(
      createSandbox,
      "/api/sandbox",
      {},
      {
        method: "POST",
        headers: { "x-forwarded-for": randomAddress() },
      },
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { realworldBaseUrl: string; realworldEnabled: boolean };
    expect(body.realworldBaseUrl).toMatch(
      /^http:\/\/bmj\.test\/api\/v1\/realworld\/rw_[a-z2-7]{20}\/api$/,
    );
    expect(body.realworldEnabled).toBe(true);
  });

  it("public ids are unguessable: 100 random bits, never the key, never twice", async () => {
    const ids = new Set(Array.from({ length: 1000 }, newPublicId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(PUBLIC_ID);
    const { key, publicId } = await newBlog();
    expect(key).not.toContain(publicId.slice(3));
  });

  it("an unknown or malformed public id is 404 problem+json with RealWorld's errors", async () => {
    for (const id of [newPublicId(), "rw_short", "sbx_whatever"]) {
      const res = await rw(id, "GET", "/articles");
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
      const body = (await res.json()) as { errors: Record<string, string[]> };
      expect(body.errors.body?.[0]).toMatch(/No blog has this RealWorld address/);
    }
  });
});

describe("switching it off and on", () => {
  it("off: every request is refused 403 and logged; on: it answers again, data intact", async () => {
    const { key, publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    await publish(publicId, jake.token, { title: "Still here" });

    const off = await turn(key, false);
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({
      realworldPublicId: publicId,
      realworldBaseUrl: `${ORIGIN}/api/v1/realworld/${publicId}/api`,
      realworldEnabled: false,
    });
    const shown = await call(showSandbox, "/api/sandbox", {}, { key });
    expect(await shown.json()).toMatchObject({ realworldEnabled: false });
    for (const [method, path] of [
      ["GET", "/articles"],
      ["POST", "/users/login"],
      ["GET", "/user"],
    ] as const) {
      const res = await rw(publicId, method, path, {
        token: jake.token,
        body:
          method === "POST"
            ? { user: { email: "jake@example.com", password: "password-1" } }
            : undefined,
      });
      const text = await res.text();
      expect(res.status, text).toBe(403);
      expect(JSON.parse(text).errors.body[0]).toMatch(/switched off/);
    }

    expect((await turn(key, true)).status).toBe(200);
    const list = await rw(publicId, "GET", "/articles?author=jake");
    expect(list.status).toBe(200);
    expect(((await list.json()) as { articlesCount: number }).articlesCount).toBe(1);
  });

  it("the switch keeps the portal's rules: a key or this site's cookie, never another site's page", async () => {
    const { key } = await newBlog();
    const cookie = `${SANDBOX_COOKIE}=${key}`;
    const sameSite = await call(
      switchRealworld,
      "/api/sandbox/realworld",
      {},
      {
        method: "PUT",
        headers: { cookie, "sec-fetch-site": "same-origin" },
        body: { enabled: false },
      },
    );
    expect(sameSite.status).toBe(200);
    const crossSite = await call(
      switchRealworld,
      "/api/sandbox/realworld",
      {},
      {
        method: "PUT",
        headers: { cookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" },
        body: { enabled: true },
      },
    );
    expect(crossSite.status).toBe(403);
    expect(await (await call(showSandbox, "/api/sandbox", {}, { key })).json()).toMatchObject({
      realworldEnabled: false,
    });
    const noKey = await call(
      switchRealworld,
      "/api/sandbox/realworld",
      {},
      {
        method: "PUT",
        body: { enabled: true },
      },
    );
    expect(noKey.status).toBe(401);
    const bad = await call(
      switchRealworld,
      "/api/sandbox/realworld",
      {},
      {
        method: "PUT",
        key,
        body: { enabled: "yes" },
      },
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      "enabled",
    );
  });
});

describe("two blogs", () => {
  it("a public id reaches only its own blog: articles, users, tokens and tags", async () => {
    const a = await newBlog();
    const b = await newBlog();
    const jakeA = await registerUser(a.publicId, "jake");
    await publish(a.publicId, jakeA.token, { title: "Only in A", tagList: ["a-only"] });

    const listB = await rw(b.publicId, "GET", "/articles?tag=a-only");
    expect(await listB.json()).toEqual({ articles: [], articlesCount: 0 });
    const listA = await rw(a.publicId, "GET", "/articles?tag=a-only");
    expect(((await listA.json()) as { articlesCount: number }).articlesCount).toBe(1);
    expect((await rw(b.publicId, "GET", "/articles/only-in-a")).status).toBe(404);
    expect((await rw(b.publicId, "GET", "/profiles/jake")).status).toBe(404);
    const tagsB = (await (await rw(b.publicId, "GET", "/tags")).json()) as { tags: string[] };
    expect(tagsB.tags).not.toContain("a-only");
    // A's token is no token at B, even for a user of the same name and id there.
    await registerUser(b.publicId, "jake");
    const withAToken = await rw(b.publicId, "GET", "/user", { token: jakeA.token });
    expect(withAToken.status).toBe(401);
    const login = await rw(b.publicId, "POST", "/users/login", {
      body: { user: { email: "jake@example.com", password: "password-1" } },
    });
    const jakeB = ((await login.json()) as { user: { token: string } }).user;
    expect(jakeB.token).not.toBe(jakeA.token);
    // Switching B off leaves A on.
    expect((await turn(b.key, false)).status).toBe(200);
    expect((await rw(a.publicId, "GET", "/articles")).status).toBe(200);
  });
});

describe("a public API for any site's frontend", () => {
  it("answers a CORS preflight from any origin for Authorization and Content-Type, without cookies", async () => {
    const { publicId } = await newBlog();
    const res = await call(
      tagsOptions,
      `/api/v1/realworld/${publicId}/api/tags`,
      { publicId },
      {
        method: "OPTIONS",
        headers: {
          origin: "https://my-conduit.example",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      },
    );
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const allowed = res.headers.get("access-control-allow-headers")?.split(", ") ?? [];
    expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type"]));
    expect(allowed).not.toContain("x-sandbox-key");
  });

  it("answers another site's requests with Access-Control-Allow-Origin: *, and a RealWorld frontend's writes work", async () => {
    const { publicId } = await newBlog();
    const headers = { origin: "https://my-conduit.example", "sec-fetch-site": "cross-site" };
    const register = await rw(publicId, "POST", "/users", {
      headers,
      body: { user: { username: "fan", email: "fan@example.com", password: "password-1" } },
    });
    expect(register.status).toBe(201);
    expect(register.headers.get("access-control-allow-origin")).toBe("*");
    const { token } = ((await register.json()) as { user: { token: string } }).user;
    const create = await rw(publicId, "POST", "/articles", {
      headers,
      token,
      body: { article: { title: "From afar", description: "", body: "Hello" } },
    });
    expect(create.status).toBe(201);
    const res = await call(
      listTags,
      `/api/v1/realworld/${publicId}/api/tags`,
      { publicId },
      { headers },
    );
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });

  it("counts every request against the sandbox's rate limit and files it in the sandbox's log", async () => {
    const { key, publicId } = await newBlog();
    const res = await rw(publicId, "GET", "/tags");
    expect(res.headers.get("ratelimit")).toMatch(/^"sandbox";r=\d+;t=\d+$/);
    await rw(publicId, "GET", "/articles/nope");
    const log = await call(readLog, "/api/sandbox/log", {}, { key });
    const { data } = (await log.json()) as {
      data: { method: string; path: string; status: number }[];
    };
    expect(data.slice(0, 2).map((e) => [e.method, e.path, e.status])).toEqual([
      ["GET", `/api/v1/realworld/${publicId}/api/articles/nope`, 404],
      ["GET", `/api/v1/realworld/${publicId}/api/tags`, 200],
    ]);
  });

  it("answers a method a path does not serve with 405, Allow and RealWorld's errors", async () => {
    const { publicId } = await newBlog();
    const res = await rw(publicId, "DELETE", "/tags");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    const text = await res.text();
    expectNoInternals(text);
    expect(JSON.parse(text).errors).toEqual({ body: [expect.stringContaining("DELETE")] });
  });

  it("every answer fits its contract", async () => {
    const { publicId } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    await expectConforms(api.listTags, await rw(publicId, "GET", "/tags"));
    await expectConforms(api.currentUser, await rw(publicId, "GET", "/user"));
    await expectConforms(
      api.currentUser,
      await rw(publicId, "GET", "/user", { token: jake.token }),
    );
    await expectConforms(api.getArticle, await rw(publicId, "GET", "/articles/none"));
  });
});

describe("a sandbox reset", () => {
  it("wipes the blog's users and articles but keeps its RealWorld address and switch", async () => {
    const { POST: reset } = await import("@/app/api/sandbox/reset/route");
    const { key, publicId, baseUrl } = await newBlog();
    const jake = await registerUser(publicId, "jake");
    await publish(publicId, jake.token, { title: "Before the reset" });
    expect((await turn(key, false)).status).toBe(200);
    expect((await call(reset, "/api/sandbox/reset", {}, { method: "POST", key })).status).toBe(200);
    const shown = await call(showSandbox, "/api/sandbox", {}, { key });
    expect(await shown.json()).toMatchObject({
      realworldBaseUrl: baseUrl,
      realworldEnabled: false,
    });
    expect((await turn(key, true)).status).toBe(200);
    expect((await rw(publicId, "GET", "/articles/before-the-reset")).status).toBe(404);
    expect((await rw(publicId, "GET", "/user", { token: jake.token })).status).toBe(401);
  });
});

describe("Check my work", () => {
  it("passes 'A RealWorld client registered a user' once a user is registered through RealWorld", async () => {
    const { POST: checkRoute } = await import("@/app/api/progress/[slug]/check/route");
    const { key, publicId } = await newBlog();
    const check = async () => {
      const res = await call(
        checkRoute,
        "/api/progress/blog-api/check",
        { slug: "blog-api" },
        {
          method: "POST",
          key,
        },
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { checks: { id: string; passed: boolean }[] };
      return body.checks.find((c) => c.id === "realworld-registered")?.passed;
    };
    expect(await check()).toBe(false);
    // A refused registration does not count.
    await rw(publicId, "POST", "/users", { body: { user: { username: "x" } } });
    expect(await check()).toBe(false);
    await registerUser(publicId, "jake");
    expect(await check()).toBe(true);
  });
});
