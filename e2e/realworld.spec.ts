import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, FIRST, test } from "./fixtures";

/** For what a page shows after it asked the server: CI machines can be busy. */
const patient = expect.configure({ timeout: 15_000 });

const BASE_URL = /^http:\/\/[\w.:]+\/api\/v1\/realworld\/rw_[a-z2-7]{20}\/api$/;

test("the sandbox page shows the blog's RealWorld address and switches it off and on", async ({
  page,
  baseURL,
}) => {
  await page.goto("/sandbox");
  await page.getByRole("button", { name: "Create my sandbox" }).click();
  const address = page.getByTestId("realworld-base-url");
  await patient(address).toHaveText(BASE_URL);
  const base = (await address.textContent())?.trim() ?? "";
  expect(base.startsWith(`${baseURL}/api/v1/realworld/`)).toBe(true);
  const status = page.getByTestId("realworld-status");
  await expect(status).toContainText("On");

  // Anyone may read it: no key, no cookie.
  const open = await page.request.get(`${base}/tags`, { headers: { cookie: "" } });
  expect(open.status()).toBe(200);
  expect(Array.isArray((await open.json()).tags)).toBe(true);

  await page.getByRole("button", { name: "Switch off" }).click();
  await patient(status).toContainText("Off");
  const off = await page.request.get(`${base}/articles`);
  expect(off.status()).toBe(403);
  expect(off.headers()["content-type"]).toBe("application/problem+json");
  expect((await off.json()).errors.body[0]).toContain("switched off");

  await page.getByRole("button", { name: "Switch on" }).click();
  await patient(status).toContainText("On");
  expect((await page.request.get(`${base}/articles`)).status()).toBe(200);
  // The same address is on the lesson page, read from the learner's sandbox.
  await page.goto("/learn/blog-api#your-blog-speaks-realworld");
  await patient(page.getByTestId("realworld-address")).toHaveText(base);
});

test("a RealWorld frontend on another origin registers and publishes, and the post is in the Blog API", async ({
  page,
}) => {
  await page.goto("/sandbox");
  await page.getByRole("button", { name: "Create my sandbox" }).click();
  const address = page.getByTestId("realworld-base-url");
  await patient(address).toHaveText(BASE_URL);
  const base = (await address.textContent())?.trim() ?? "";
  await page.getByRole("button", { name: "Reveal" }).click();
  const key = (await page.getByTestId("sandbox-key").textContent())?.trim() ?? "";

  // A stand-in for a RealWorld frontend: a page served by a server of its own on another port
  // (another origin, as `npm start` of a frontend would be), which calls the API from the browser.
  // The browser sends CORS preflights (Authorization, JSON) and none of our cookies.
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>Conduit</title><h1>conduit</h1>");
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  const frontend = await page.context().newPage();
  await frontend.goto(`http://localhost:${port}/`);
  const result = await frontend.evaluate(async (api) => {
    const json = { "Content-Type": "application/json" };
    const register = await fetch(`${api}/users`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        user: { username: "conduit-fan", email: "fan@example.com", password: "fan-password" },
      }),
    });
    const { user } = await register.json();
    const create = await fetch(`${api}/articles`, {
      method: "POST",
      headers: { ...json, Authorization: `Token ${user.token}` },
      body: JSON.stringify({
        article: {
          title: "Written in Conduit",
          description: "From another origin",
          body: "Hello from a RealWorld frontend.",
          tagList: ["conduit"],
        },
      }),
    });
    const { article } = await create.json();
    const feed = await fetch(`${api}/articles?author=conduit-fan`);
    return {
      origin: location.origin,
      register: register.status,
      create: create.status,
      slug: article.slug,
      listed: (await feed.json()).articlesCount,
      // Readable from another origin only because the API exposes it (CORS).
      requestId: feed.headers.get("x-request-id"),
    };
  }, base);
  server.close();
  expect(result.origin).toBe(`http://localhost:${port}`);
  expect(result).toMatchObject({
    register: 201,
    create: 201,
    slug: "written-in-conduit",
    listed: 1,
    requestId: expect.stringMatching(/^[\w-]+$/),
  });

  // The learner's Blog API, with their key, lists it as a published post.
  const posts = await page.request.get("/api/v1/blog/posts", {
    headers: { "X-Sandbox-Key": key },
    params: { author: "conduit-fan" },
  });
  expect(posts.status()).toBe(200);
  const { data } = await posts.json();
  expect(data).toEqual([
    expect.objectContaining({ slug: "written-in-conduit", status: "published", tags: ["conduit"] }),
  ]);

  // And the learner sees the frontend's requests in their log.
  await page.getByRole("button", { name: "Refresh" }).click();
  const row = page
    .getByTestId("request-log-row")
    .filter({ hasText: /\/api\/v1\/realworld\/rw_\w+\/api\/articles/ })
    .first();
  await expect(row).toBeVisible(FIRST);
});
